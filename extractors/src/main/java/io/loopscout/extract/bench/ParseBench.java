package io.loopscout.extract.bench;

import io.loopscout.core.Language;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.TreeSitterLibraries;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw parse throughput through the Java binding ({@link ParsedSource#parse}, as the extractors call it), for
 * {@code extractors/bench/parse-bench.sh}, which interleaves it with the native program on the same files.
 *
 * <p>{@code ParseBench <rust|c> --write-list LIST DIR...} writes the files of the language under the folders to
 * LIST (the native program reads the same list); {@code ParseBench <rust|c> --list LIST --rounds N} parses them
 * N + 1 times (the first round unmeasured) and prints per round {@code java <MB> <CPU-seconds> <MB/s> <error-trees>}.
 */
public final class ParseBench {

    /** No timeout in practice, as in the native program (callgrind runs a parse ~50x slower than the CPU). */
    private static final Duration WHOLE_PARSE = Duration.ofHours(1);

    private ParseBench() {
    }

    public static void main(String[] args) throws IOException {
        Language language = args.length > 2 ? Language.parse(args[0]) : null;
        if (language == null) {
            System.err.println("usage: ParseBench <rust|c> --write-list LIST DIR... | ParseBench <rust|c> --list LIST"
                    + " --rounds N");
            System.exit(2);
        }
        if (args[1].equals("--write-list")) {
            List<String> files = new ArrayList<>();
            for (int i = 3; i < args.length; i++) {
                BenchFiles.files(Path.of(args[i]), language).forEach(p -> files.add(p.toAbsolutePath().toString()));
            }
            Files.write(Path.of(args[2]), files);
            return;
        }
        int rounds = args.length > 4 && args[3].equals("--rounds") ? Integer.parseInt(args[4]) : 3;
        List<String> texts = new ArrayList<>();
        long bytes = 0;
        for (String f : Files.readAllLines(Path.of(args[2]))) {
            String text = BenchFiles.read(Path.of(f).getParent(), Path.of(f), language).text();
            texts.add(text);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        ParsedSource.Grammar grammar = language == Language.RUST ? ParsedSource.Grammar.RUST : ParsedSource.Grammar.C;
        System.err.println("java binding: tree-sitter libraries " + TreeSitterLibraries.loaded());
        // The process's CPU time, like the native program's: it includes GC and JIT, part of what a parse through
        // the binding costs. Each tree is freed right after its parse (close), as the native program frees its.
        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = -1; round < rounds; round++) {
            int withErrors = 0;
            long start = cpu.getProcessCpuTime();
            for (String text : texts) {
                try (ParsedSource parsed = ParsedSource.parse(grammar, text, WHOLE_PARSE)) {
                    withErrors += parsed.root().hasError() ? 1 : 0;
                } catch (ParseTimeoutException e) {
                    throw new IllegalStateException("a parse timed out; the bench needs whole parses", e);
                }
            }
            double seconds = (cpu.getProcessCpuTime() - start) / 1e9;
            if (round >= 0) {
                System.out.printf("java %.3f %.3f %.3f %d%n", bytes / 1e6, seconds, bytes / 1e6 / seconds, withErrors);
            }
        }
    }
}
