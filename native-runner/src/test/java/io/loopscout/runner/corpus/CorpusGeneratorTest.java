package io.loopscout.runner.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    private static final long SIZE = 6 * 200_000;

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesSameBytesAndExactSizes() throws Exception {
        CorpusGenerator.Corpus a = new CorpusGenerator().generate(tmp.resolve("a"), 42, SIZE);
        CorpusGenerator.Corpus b = new CorpusGenerator().generate(tmp.resolve("b"), 42, SIZE);
        assertEquals(CorpusKind.values().length, a.files().size());
        for (int i = 0; i < a.files().size(); i++) {
            assertEquals(SIZE / CorpusKind.values().length, Files.size(a.files().get(i)), a.files().get(i).toString());
            assertArrayEquals(sha256(a.files().get(i)), sha256(b.files().get(i)), a.files().get(i).toString());
        }
    }

    @Test
    void otherSeedGivesOtherBytes() throws Exception {
        CorpusGenerator.Corpus a = new CorpusGenerator().generate(tmp.resolve("a"), 1, SIZE);
        CorpusGenerator.Corpus b = new CorpusGenerator().generate(tmp.resolve("b"), 2, SIZE);
        for (int i = 0; i < a.files().size(); i++) {
            assertFalse(Arrays.equals(sha256(a.files().get(i)), sha256(b.files().get(i))), a.files().get(i).toString());
        }
    }

    @Test
    void kindsSpanTheCompressibilityRange() throws Exception {
        CorpusGenerator.Corpus c = new CorpusGenerator().generate(tmp, 7, SIZE);
        double low = deflateRatio(c.files().get(CorpusKind.LOW_ENTROPY.ordinal()));
        double text = deflateRatio(c.files().get(CorpusKind.TEXT.ordinal()));
        double sparse = deflateRatio(c.files().get(CorpusKind.SPARSE.ordinal()));
        double random = deflateRatio(c.files().get(CorpusKind.HIGH_ENTROPY.ordinal()));
        assertTrue(low < 0.25, "low entropy compresses well: " + low);
        assertTrue(text > low && text < 0.5, "text in between: " + text);
        assertTrue(sparse > text && sparse < random, "sparse is half-compressible: " + sparse);
        assertTrue(random > 0.99, "random bytes do not compress: " + random);
    }

    @Test
    void refusesASizeBelowOneBytePerKind() {
        assertThrows(IllegalArgumentException.class, () -> new CorpusGenerator().generate(tmp, 1, 3));
    }

    private static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    private static double deflateRatio(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[1 << 16];
        long out = 0;
        while (!d.finished()) {
            out += d.deflate(buf);
        }
        d.end();
        return (double) out / data.length;
    }
}
