package io.loopscout.extract.bench;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.ProjectExtractor;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extraction throughput on one core: end to end (read + decode + parse + queries + metrics, as the pipeline
 * runs it) next to the raw tree-sitter parse of the same files in the same run, alternating rounds.
 *
 * <p>{@code java -cp <classpath> io.loopscout.extract.bench.ExtractBench <rust|c> <dir>... [--rounds N]
 * [--loop-files-only] [--raw-keeps-trees]}. The extractors skip files that cannot hold a finding before parsing
 * (Rust: without a loop keyword, or without {@code match} and {@code current_block}; such a file is parsed later
 * only if a state type's lookup needs its declarations); {@code --loop-files-only} measures only files containing
 * {@code loop}/{@code while}, so the skip of loop-less files cannot flatter the ratio.
 *
 * <p>The raw parse frees each tree ({@link ParsedSource#close}) as the end-to-end path and native tree-sitter's
 * {@code ts_tree_delete} do; {@code --raw-keeps-trees} leaves them to bonede's Cleaner instead, whose thread (not
 * this one, so not counted) then frees them: the measure before 2026-12-04.
 */
public final class ExtractBench {

    /** Words without which a file cannot hold any pattern of the language (the extractors' own cheap skip). */
    private static final Map<Language, List<String>> LOOP_WORDS = Map.of(Language.RUST, List.of("loop", "while"),
            Language.C, List.of("for", "while", "switch", "goto"));

    private ExtractBench() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ExtractBench <rust|c> <dir>... [--rounds N] [--loop-files-only]"
                    + " [--raw-keeps-trees]");
            System.exit(2);
        }
        Language language = Language.parse(args[0]);
        if (language == null) {
            System.err.println("unknown language " + args[0]);
            System.exit(2);
        }
        int rounds = 5;
        boolean loopFilesOnly = false;
        boolean rawKeepsTrees = false;
        List<Path[]> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
                continue;
            }
            if (args[i].equals("--raw-keeps-trees")) {
                rawKeepsTrees = true;
                continue;
            }
            if (args[i].equals("--loop-files-only")) {
                loopFilesOnly = true;
                continue;
            }
            Path root = Path.of(args[i]);
            for (Path p : BenchFiles.files(root, language)) {
                files.add(new Path[] {root, p});
            }
        }
        ParsedSource.Grammar grammar = language == Language.RUST ? ParsedSource.Grammar.RUST : ParsedSource.Grammar.C;
        List<String> texts = new ArrayList<>();
        List<Path[]> kept = new ArrayList<>();
        long bytes = 0;
        for (Path[] f : files) {
            String t = BenchFiles.read(f[0], f[1], language).text();
            if (loopFilesOnly && LOOP_WORDS.get(language).stream().noneMatch(t::contains)) {
                continue;
            }
            kept.add(f);
            texts.add(t);
            bytes += t.getBytes(StandardCharsets.UTF_8).length;
        }
        files = kept;
        double mb = bytes / 1e6;
        System.out.printf("%s: %d files%s, %.1f MB, %d rounds after 1 warm-up, 1 thread; raw parse %s%n",
                language.id(), files.size(),
                loopFilesOnly ? " (only those containing " + LOOP_WORDS.get(language) + ")" : "", mb, rounds,
                rawKeepsTrees ? "keeps its trees (freed by the Cleaner's thread)" : "frees each tree");

        // CPU time of this thread: the machine is shared, wall-clock figures swing with other people's load.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] raw = new double[rounds];
        double[] e2e = new double[rounds];
        Map<String, Integer> perPattern = new TreeMap<>();
        Map<String, Integer> problems = new TreeMap<>();
        for (int r = -1; r < rounds; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (String t : texts) {
                try {
                    ParsedSource parsed = ParsedSource.parse(grammar, t, Duration.ofSeconds(10));
                    if (!rawKeepsTrees) {
                        parsed.close();
                    }
                } catch (ParseTimeoutException e) {
                    // counted by the end-to-end pass as a problem
                }
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            perPattern.clear();
            problems.clear();
            // As the pipeline runs: one project (here: one directory) at a time through ProjectExtractor, Rust
            // files with their crate's declarations, C files with the macros of their local includes.
            Map<Path, List<SourceFile>> projects = new java.util.LinkedHashMap<>();
            for (Path[] f : files) {
                Path project = language == Language.C ? Path.of("") : f[0];
                projects.computeIfAbsent(project, k -> new ArrayList<>()).add(BenchFiles.read(f[0], f[1], language));
            }
            for (List<SourceFile> project : projects.values()) {
                new ProjectExtractor().extract(project, new ProjectExtractor.Listener() {
                    @Override
                    public void extracted(SourceFile file, FileExtraction x) {
                        count(x, perPattern, problems);
                    }

                    @Override
                    public void failed(SourceFile file, RuntimeException error) {
                        problems.merge("exception", 1, Integer::sum);
                    }
                });
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            long w2 = System.nanoTime();
            if (r >= 0) {
                raw[r] = mb / ((t1 - t0) / 1e9);
                e2e[r] = mb / ((t2 - t1) / 1e9);
                System.out.printf("  round %d: raw parse %.2f MB/s, end to end %.2f MB/s (CPU time); wall clock"
                        + " %.2f / %.2f MB/s%n", r + 1, raw[r], e2e[r], mb / ((w1 - w0) / 1e9), mb / ((w2 - w1) / 1e9));
            }
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = e2e[r] / raw[r];
        }
        System.out.printf("raw tree-sitter parse : %.2f ± %.2f MB/s per core (thread CPU time)%n", mean(raw), sd(raw));
        System.out.printf("end to end extraction : %.2f ± %.2f MB/s per core (thread CPU time)%n", mean(e2e), sd(e2e));
        System.out.printf("end to end / raw parse: %.0f%% ± %.0f%% (target >= 80%%)%n", 100 * mean(ratio),
                100 * sd(ratio));
        System.out.println("findings: " + perPattern + ", problems: " + problems);
    }

    private static void count(FileExtraction x, Map<String, Integer> perPattern, Map<String, Integer> problems) {
        x.findings().forEach(fd -> perPattern.merge(fd.pattern().id(), 1, Integer::sum));
        if (x.outcome() != FileOutcome.READ) {
            problems.merge(x.outcome().key(), 1, Integer::sum);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
