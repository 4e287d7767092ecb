package io.loopscout.runner.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a deterministic, mixed compression corpus: one file per {@link CorpusKind}, all from one seed.
 * The same seed and size give the same bytes on any JDK ({@link SplittableRandom}'s algorithm is specified),
 * so benchmark inputs are repeatable without shipping data.
 */
public final class CorpusGenerator {

    private static final String[] WORDS = ("the of and to in is that it was for on are as with his they at be this "
            + "from have or by one had not but what all were when we there can an your which their said if do will "
            + "each about how up out them then she many some so these would other into has more her two like him see "
            + "time could no make than first been its who now people my made over did down only way find use may "
            + "water long little very after words called just where most know state machine loop match compiler "
            + "branch predictor decoder inflate huffman symbol table block stream buffer window literal distance "
            + "length header checksum archive sort suffix transform entropy coder bits byte frame parser lexer token")
            .split(" ");
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
    private static final String[] SERVICES = {"api", "db", "cache", "auth", "queue", "worker", "gateway"};

    /** A written corpus: its files in {@link CorpusKind} order and the seed that made them. */
    public record Corpus(long seed, List<Path> files) {
        public Corpus {
            files = List.copyOf(files);
        }
    }

    /**
     * Writes {@code totalBytes} (split evenly between the kinds) into {@code dir}, replacing existing files.
     *
     * @throws IllegalArgumentException when totalBytes is smaller than one byte per kind
     */
    public Corpus generate(Path dir, long seed, long totalBytes) throws IOException {
        CorpusKind[] kinds = CorpusKind.values();
        if (totalBytes < kinds.length) {
            throw new IllegalArgumentException("corpus size " + totalBytes + " is below one byte per kind");
        }
        Files.createDirectories(dir);
        SplittableRandom root = new SplittableRandom(seed);
        List<Path> files = new ArrayList<>();
        long each = totalBytes / kinds.length;
        for (CorpusKind kind : kinds) {
            // One split per kind, taken in a fixed order: a kind's bytes do not depend on the others' sizes.
            SplittableRandom rnd = root.split();
            Path file = dir.resolve(kind.fileName());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                write(kind, rnd, new Capped(out, each));
            }
            files.add(file);
        }
        return new Corpus(seed, files);
    }

    private static void write(CorpusKind kind, SplittableRandom rnd, Capped out) throws IOException {
        switch (kind) {
            case LOW_ENTROPY -> lowEntropy(rnd, out);
            case LOGS -> logs(rnd, out);
            case TEXT -> text(rnd, out);
            case BINARY_RECORDS -> binaryRecords(rnd, out);
            case SPARSE -> sparse(rnd, out);
            case HIGH_ENTROPY -> highEntropy(rnd, out);
        }
    }

    private static void lowEntropy(SplittableRandom rnd, Capped out) throws IOException {
        byte[] block = new byte[4096];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) "ACGT".charAt(rnd.nextInt(4));
        }
        while (!out.full()) {
            switch (rnd.nextInt(3)) {
                case 0 -> out.repeat((byte) rnd.nextInt(4), 1 + rnd.nextInt(2000));   // a long run
                case 1 -> out.write(block, 0, 256 + rnd.nextInt(block.length - 256)); // a repeated block
                default -> {                                                          // a small alphabet
                    for (int i = 0, n = 100 + rnd.nextInt(1000); i < n; i++) {
                        out.write("ACGT".charAt(rnd.nextInt(4)));
                    }
                }
            }
        }
    }

    private static void logs(SplittableRandom rnd, Capped out) throws IOException {
        long millis = 1_700_000_000_000L;
        StringBuilder line = new StringBuilder(160);
        while (!out.full()) {
            millis += rnd.nextInt(50);
            line.setLength(0);
            line.append(millis / 1000).append('.').append(String.format("%03d", millis % 1000)).append(' ')
                    .append(LEVELS[rnd.nextInt(LEVELS.length)]).append(' ')
                    .append(SERVICES[rnd.nextInt(SERVICES.length)]).append(" req=")
                    .append(Long.toHexString(rnd.nextLong() >>> 16)).append(" user=").append(rnd.nextInt(5000))
                    .append(" latency_ms=").append(rnd.nextInt(900)).append(' ');
            for (int w = 0, n = 2 + rnd.nextInt(8); w < n; w++) {
                line.append(zipfWord(rnd)).append(' ');
            }
            line.append('\n');
            out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void text(SplittableRandom rnd, Capped out) throws IOException {
        StringBuilder sentence = new StringBuilder(200);
        while (!out.full()) {
            sentence.setLength(0);
            for (int w = 0, n = 4 + rnd.nextInt(20); w < n; w++) {
                String word = zipfWord(rnd);
                if (w == 0) {
                    sentence.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
                } else {
                    sentence.append(rnd.nextInt(12) == 0 ? ", " : " ").append(word);
                }
            }
            sentence.append(rnd.nextInt(8) == 0 ? ".\n\n" : ". ");
            out.write(sentence.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Word i drawn with probability ~ 1/(i+1): cheap Zipf by squaring a uniform draw. */
    private static String zipfWord(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return WORDS[(int) (u * u * u * WORDS.length)];
    }

    private static void binaryRecords(SplittableRandom rnd, Capped out) throws IOException {
        byte[] rec = new byte[24];
        long counter = 0;
        int value = 1000;
        while (!out.full()) {
            counter += 1 + rnd.nextInt(3);
            value += rnd.nextInt(21) - 10;
            float reading = (float) (20.0 + rnd.nextGaussian());
            putLe(rec, 0, counter, 8);
            putLe(rec, 8, value, 4);
            putLe(rec, 12, Float.floatToIntBits(reading), 4);
            putLe(rec, 16, rnd.nextInt(4), 2);           // a type tag
            putLe(rec, 18, 0, 2);                        // padding
            putLe(rec, 20, rnd.nextInt(1 << 12), 4);     // a small id
            out.write(rec, 0, rec.length);
        }
    }

    private static void putLe(byte[] b, int at, long v, int width) {
        for (int i = 0; i < width; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static void sparse(SplittableRandom rnd, Capped out) throws IOException {
        while (!out.full()) {
            out.write(rnd.nextInt(2) == 0 ? 0 : rnd.nextInt(256));
        }
    }

    private static void highEntropy(SplittableRandom rnd, Capped out) throws IOException {
        byte[] chunk = new byte[8192];
        while (!out.full()) {
            rnd.nextBytes(chunk);
            out.write(chunk, 0, chunk.length);
        }
    }

    /** An output that stops writing at exactly {@code limit} bytes, so every file has its exact share. */
    private static final class Capped {
        private final OutputStream out;
        private long left;

        Capped(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        boolean full() {
            return left <= 0;
        }

        void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            out.write(b, off, n);
            left -= n;
        }

        void write(byte[] b) throws IOException {
            write(b, 0, b.length);
        }

        void repeat(byte b, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                write(b);
            }
        }
    }
}
