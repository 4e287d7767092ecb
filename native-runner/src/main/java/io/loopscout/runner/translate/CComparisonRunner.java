package io.loopscout.runner.translate;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.FileTrees;
import io.loopscout.extract.rewrite.flatten.CurrentBlockRenumbering;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.corpus.CorpusGenerator;
import io.loopscout.runner.corpus.CorpusKind;
import io.loopscout.runner.protocol.CallgrindCounts;
import io.loopscout.runner.protocol.Timing;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import io.loopscout.runner.stats.PairedBootstrap;
import io.loopscout.runner.stats.RatioEstimate;
import io.loopscout.runner.stats.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The c2rust experiment for one C library: fetch its C, translate it with c2rust, build the bench driver for
 * every {@link CVariant}, check that every variant's output equals the C's, time compress and decompress in
 * interleaved rounds (harness-timed, sandboxed, pinned), count instructions with callgrind on a slice, and
 * return a {@link CComparison} with ratios to the C and bootstrap CIs.
 */
public final class CComparisonRunner {

    /** Knobs of one run. */
    public record Settings(Path workDir, long corpusBytes, long seed, int rounds, long callgrindSliceBytes,
                           boolean callgrind, Integer cpu, List<String> workloads) {
        public Settings {
            if (rounds < 2) {
                throw new IllegalArgumentException("need at least 2 rounds, got " + rounds);
            }
            workloads = List.copyOf(workloads);
            if (workloads.isEmpty() || !WORKLOADS.containsAll(workloads)) {
                throw new IllegalArgumentException("workloads must be among " + WORKLOADS + ", got " + workloads);
            }
        }

        /**
         * The experiment as issue 8 asks for it: a 60 MiB seeded corpus (at least 50 MB of mixed data), 10
         * rounds, callgrind on a 2 MiB slice, runs pinned to the last CPU where there is more than one.
         */
        public static Settings standard(Path workDir) {
            int cpus = Runtime.getRuntime().availableProcessors();
            return new Settings(workDir, 60L << 20, 3720, 10, 2L << 20, true, cpus > 1 ? cpus - 1 : null, WORKLOADS);
        }
    }

    /** The comparison and every failure met on the way. */
    public record Result(CComparison comparison, List<Failure> failures) {
    }

    private static final Pattern DIGEST = Pattern.compile("digest=([0-9a-f]{16})");
    private static final List<String> WORKLOADS = List.of("compress", "decompress");

    private final Sandbox sandbox;
    private final CargoBuild cargo;
    private final C2RustTranslator translator;
    private final LoopMatchRewrite rewrite;
    private final CommandRunner runner;
    private final Consumer<String> progress;

    /**
     * @param rewrite  the #[loop_match] rewriter for variant B, or null (B is then reported as not measured)
     * @param progress receives one line per step
     */
    public CComparisonRunner(Sandbox sandbox, CargoBuild cargo, C2RustTranslator translator, LoopMatchRewrite rewrite,
                             Consumer<String> progress) {
        this.sandbox = sandbox;
        this.cargo = cargo;
        this.translator = translator;
        this.rewrite = rewrite;
        this.runner = new SandboxCommandRunner(sandbox, cargo.toolchain());
        this.progress = progress;
    }

    /** Runs the whole experiment; failures become records and rows with a status, never exceptions. */
    public Result run(CTranslationRecipe recipe, Settings s) throws IOException, InterruptedException {
        List<Failure> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path work = Files.createDirectories(s.workDir().toAbsolutePath());

        progress.accept("fetching " + recipe.crate() + " " + recipe.version());
        Path cDir = new CrateFetcher(cargo, runner).fetch(recipe.project(), recipe.crate(),
                recipe.version(), work).resolve(recipe.subdir());

        String outside = outsideProject(recipe, cDir);
        if (outside != null) {
            failures.add(new Failure(recipe.project(), BenchDriverBuilds.STAGE, FailureClass.TRANSLATE_FAIL, outside));
            return new Result(null, failures);
        }

        Path corpusDir = work.resolve("corpus-" + s.seed() + "-" + s.corpusBytes());
        List<Path> corpus = corpus(corpusDir, s);

        progress.accept("translating with c2rust");
        Path translation = work.resolve("translation").resolve(recipe.project().replace('-', '_'));
        FileTrees.delete(translation);
        TranslationOutcome outcome = translator.translate(new TranslationRequest(recipe.project(), cDir,
                recipe.sources(), recipe.clangArgs(), null, translation));
        String c2rustVersion = "";
        if (outcome instanceof TranslationOutcome.Failed f) {
            failures.add(f.failure());
            notes.add("translation failed: " + f.failure().message());
        } else {
            TranslationOutcome.Translated t = (TranslationOutcome.Translated) outcome;
            c2rustVersion = t.c2rustVersion();
            notes.addAll(t.notes());
        }

        BenchDriverBuilds builds = new BenchDriverBuilds(cargo, runner);
        Map<CVariant, BenchDriverBuilds.Built> built = new EnumMap<>(CVariant.class);
        List<CComparison.LoopRewrite> loops = new ArrayList<>();
        for (CVariant v : CVariant.values()) {
            Path dir = work.resolve("variants").resolve(v.id());
            FileTrees.delete(dir);
            Files.createDirectories(dir);
            Failure f = null;
            if (v == CVariant.C) {
                f = builds.prepareC(recipe, cDir, dir);
            } else if (v == CVariant.RUST_PORT) {
                if (recipe.rustPort() == null) {
                    continue;
                }
            } else if (outcome instanceof TranslationOutcome.Translated t) {
                boolean rewritten = v == CVariant.B || v == CVariant.F || v == CVariant.B_FLAG;
                if (rewritten && rewrite == null) {
                    notes.add(v.label() + " not measured: no #[loop_match] rewriter was given");
                    continue;
                }
                if (v == CVariant.F || v == CVariant.B_FLAG) {
                    // the same rewritten source as B, built another way
                    Path b = work.resolve("variants").resolve(CVariant.B.id()).resolve("backend");
                    if (!built.containsKey(CVariant.B)) {
                        notes.add(v.label() + " not built: it is B's source and B was not built");
                        continue;
                    }
                    FileTrees.copy(b, dir.resolve("backend"));
                } else {
                    builds.prepareTranslation(t.crateDir(), dir);
                }
                if (v == CVariant.R || v == CVariant.B) {
                    notes.add(v.label() + ": " + renumber(dir.resolve("backend")));
                }
                if (v == CVariant.B) {
                    progress.accept("rewriting current_block loops to #[loop_match]");
                    try {
                        loops.addAll(rewrite.apply(dir.resolve("backend")));
                    } catch (IOException | RuntimeException e) {
                        // e.g. a translation that does not build before rewriting: B, F and B+flag are missing
                        f = new Failure(recipe.project(), BenchDriverBuilds.STAGE, FailureClass.REWRITE_FAIL,
                                "rewrite of the translation: " + e.getMessage());
                    }
                }
            } else {
                continue;
            }
            if (f == null) {
                progress.accept("building " + v.label());
                BenchDriverBuilds.Built b = builds.build(recipe, v, dir);
                f = b.failure();
                if (b.ok()) {
                    built.put(v, b);
                }
            }
            if (f != null) {
                failures.add(f);
                notes.add(v.label() + " not built: " + f.message());
            }
        }

        List<CComparison.Row> rows = new ArrayList<>();
        for (String workload : s.workloads()) {
            rows.addAll(measure(recipe, workload, built, corpus, s, failures, notes));
        }
        String corpusText = String.format("%d bytes in %d files (%s), seed %d; callgrind on the first %d bytes",
                s.corpusBytes() / CorpusKind.values().length * CorpusKind.values().length, corpus.size(),
                String.join(", ", java.util.Arrays.stream(CorpusKind.values()).map(k -> k.fileName()).toList()),
                s.seed(), s.callgrindSliceBytes());
        CComparison comparison = new CComparison(recipe.project(), recipe.version(), c2rustVersion,
                cargo.toolchain().version(), corpusText, host(s), rows, loops, notes);
        return new Result(comparison, failures);
    }

    /** Renumbers current_block in every Rust file of the crate; says what it did. */
    private static String renumber(Path crate) throws IOException {
        int functions = 0;
        int constants = 0;
        List<Path> files;
        try (java.util.stream.Stream<Path> w = Files.walk(crate)) {
            files = w.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            CurrentBlockRenumbering.Result r = CurrentBlockRenumbering.renumber(Files.readString(f));
            if (r.functions() > 0) {
                Files.writeString(f, r.text());
                functions += r.functions();
                constants += r.constants();
            }
        }
        return "current_block renumbered in " + functions + " functions (" + constants + " constants)";
    }

    private List<Path> corpus(Path dir, Settings s) throws IOException {
        List<Path> files = new ArrayList<>();
        long each = s.corpusBytes() / CorpusKind.values().length;
        for (CorpusKind k : CorpusKind.values()) {
            files.add(dir.resolve(k.fileName()));
        }
        boolean present = files.stream().allMatch(f -> {
            try {
                return Files.isRegularFile(f) && Files.size(f) == each;
            } catch (IOException e) {
                return false;
            }
        });
        if (!present) {
            progress.accept("generating the corpus (" + s.corpusBytes() + " bytes, seed " + s.seed() + ")");
            return new CorpusGenerator().generate(dir, s.seed(), s.corpusBytes()).files();
        }
        return files;
    }

    /** One workload: a checked warm-up per variant, interleaved rounds, then callgrind counts. */
    private List<CComparison.Row> measure(CTranslationRecipe recipe, String workload,
                                          Map<CVariant, BenchDriverBuilds.Built> built, List<Path> corpus, Settings s,
                                          List<Failure> failures, List<String> notes) {
        Map<CVariant, String> status = new EnumMap<>(CVariant.class);
        for (CVariant v : CVariant.values()) {
            status.put(v, built.containsKey(v) ? "ok" : "not built");
        }
        List<CVariant> live = new ArrayList<>(built.keySet());
        // Warm-up: also the correctness check, every variant's compressed bytes must equal the C's.
        String reference = null;
        for (CVariant v : List.copyOf(live)) {
            progress.accept(workload + ": warm-up and output check, " + v.label());
            SandboxResult r = sandbox.run(runCommand(recipe.harness(), built.get(v), workload, corpus, s, 1, null));
            Matcher m = DIGEST.matcher(r.log());
            String digest = r.ok() && m.find() ? m.group(1) : null;
            if (v == CVariant.C) {
                reference = digest;
            }
            String why = !r.ok() ? "run failed: " + BenchDriverBuilds.tail(r.log() + " " + r.detail(), 300)
                    : digest == null ? "printed no digest"
                    : reference != null && !reference.equals(digest) ? "output differs from the C's (" + digest
                    + " vs " + reference + ")" : null;
            if (why != null) {
                status.put(v, why);
                live.remove(v);
                failures.add(new Failure(recipe.project(), BenchDriverBuilds.STAGE, FailureClass.BENCH_FAIL,
                        v.label() + " " + workload + ": " + why));
            }
        }
        Map<CVariant, List<Double>> times = new EnumMap<>(CVariant.class);
        live.forEach(v -> times.put(v, new ArrayList<>()));
        for (int round = 0; round < s.rounds() && live.contains(CVariant.C); round++) {
            progress.accept(workload + ": round " + (round + 1) + "/" + s.rounds());
            List<CVariant> order = new ArrayList<>(live);
            // Rotate and alternate the order each round so no variant always runs first or after the same one.
            java.util.Collections.rotate(order, round / 2);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (CVariant v : order) {
                if (!live.contains(v)) {
                    continue;
                }
                SandboxResult r = sandbox.run(runCommand(recipe.harness(), built.get(v), workload, corpus, s, 1, null));
                Double secs = Timing.harnessSeconds(r.log());
                if (!r.ok() || secs == null) {
                    status.put(v, "run failed in round " + (round + 1) + ": " + r.outcome());
                    live.remove(v);
                    times.remove(v);
                    failures.add(new Failure(recipe.project(), BenchDriverBuilds.STAGE, FailureClass.BENCH_FAIL,
                            v.label() + " " + workload + " round " + (round + 1) + ": " + r.outcome()));
                } else {
                    times.get(v).add(secs);
                }
            }
        }
        Map<CVariant, long[]> counts = new EnumMap<>(CVariant.class);
        Map<CVariant, List<CComparison.FunctionCost>> functions = new EnumMap<>(CVariant.class);
        if (s.callgrind()) {
            for (CVariant v : live) {
                progress.accept(workload + ": callgrind, " + v.label());
                long[] c = callgrind(recipe.harness(), built.get(v), workload, corpus, s);
                if (c == null) {
                    notes.add("callgrind gave no counts for " + v.label() + " " + workload);
                } else {
                    counts.put(v, c);
                    try {
                        functions.put(v, CallgrindFunctions.top(callgrindFile(built.get(v), workload), 8));
                    } catch (IOException | RuntimeException e) {
                        notes.add("callgrind profile of " + v.label() + " " + workload + " unreadable: " + e);
                    }
                }
            }
        }
        return rows(workload, times, counts, functions, status);
    }

    private static List<CComparison.Row> rows(String workload, Map<CVariant, List<Double>> times,
                                              Map<CVariant, long[]> counts,
                                              Map<CVariant, List<CComparison.FunctionCost>> functions,
                                              Map<CVariant, String> status) {
        List<CComparison.Row> rows = new ArrayList<>();
        double[] c = times.containsKey(CVariant.C) ? toArray(times.get(CVariant.C)) : null;
        long[] cCounts = counts.get(CVariant.C);
        for (CVariant v : CVariant.values()) {
            List<Double> t = times.get(v);
            if (t == null || t.isEmpty()) {
                rows.add(new CComparison.Row(workload, v, 0, null, null, null, null, null, null, null, null, null,
                        List.of(), status.get(v)));
                continue;
            }
            double[] x = toArray(t);
            Double ratio = null;
            Double lo = null;
            Double hi = null;
            if (c != null && c.length == x.length && x.length >= 2) {
                // PairedBootstrap gives median(first) / median(second): variant over C, paired by round.
                RatioEstimate e = PairedBootstrap.standard().estimate(x, c);
                ratio = e.ratio();
                lo = e.ciLow();
                hi = e.ciHigh();
            }
            long[] k = counts.get(v);
            Double instrRatio = k != null && cCounts != null ? (double) k[0] / cCounts[0] : null;
            rows.add(new CComparison.Row(workload, v, x.length, Samples.median(x), Samples.coefficientOfVariation(x),
                    ratio, lo, hi, k == null ? null : k[0], k == null ? null : k[1], k == null ? null : k[2],
                    instrRatio, functions.getOrDefault(v, List.of()), status.get(v)));
        }
        return rows;
    }

    private SandboxCommand runCommand(CHarness harness, BenchDriverBuilds.Built b, String workload, List<Path> corpus,
                                      Settings s, int repeat, List<String> prefix) {
        List<String> argv = new ArrayList<>();
        if (prefix != null) {
            argv.addAll(prefix);
        }
        argv.addAll(List.of(b.binary().toString(), workload, "--repeat", Integer.toString(repeat)));
        argv.addAll(harness.driverArgs());
        if (prefix != null) {
            argv.addAll(List.of("--limit", Long.toString(s.callgrindSliceBytes())));
        }
        corpus.forEach(f -> argv.add(f.toString()));
        SandboxCommand.Builder cmd = SandboxCommand.of(argv).workDir(b.dir()).readOnly(b.dir())
                .readOnly(corpus.get(0).getParent()).cpu(s.cpu())
                .limits(prefix == null ? Limits.bench() : Limits.bench().withWallTime(Duration.ofMinutes(20)));
        if (prefix != null) {
            cmd.writable(b.dir().resolve("callgrind"));
        }
        return cmd.build();
    }

    /** Ir, branches (Bc + Bi), mispredictions (Bcm + Bim) of the library call only, or null. */
    private long[] callgrind(CHarness harness, BenchDriverBuilds.Built b, String workload, List<Path> corpus,
                             Settings s) {
        try {
            Files.createDirectories(b.dir().resolve("callgrind"));
        } catch (IOException e) {
            return null;
        }
        List<String> prefix = List.of("valgrind", "--tool=callgrind", "--branch-sim=yes", "--collect-atstart=no",
                "--toggle-collect=" + harness.entryPoint(workload), "--callgrind-out-file=" + callgrindFile(b, workload));
        SandboxResult r = sandbox.run(runCommand(harness, b, workload, corpus, s, 1, prefix));
        CallgrindCounts c = r.ok() ? CallgrindCounts.parse(r.log()) : null;
        return c == null ? null : new long[] {c.instructions(), c.branches(), c.mispredictions()};
    }

    private static Path callgrindFile(BenchDriverBuilds.Built b, String workload) {
        return b.dir().resolve("callgrind/" + workload + ".out");
    }

    private static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private String host(Settings s) {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: keep "unknown CPU"
        }
        String load = "";
        try {
            load = ", load " + Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            // no /proc
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " CPUs" + load
                + (s.cpu() == null ? ", not pinned" : ", pinned to CPU " + s.cpu()) + "; sandbox: " + sandbox.method();
    }

    /**
     * Why the recipe's C would be read from outside the fetched crate, or null: the subdir and every source are
     * judged on their real paths, so a symbolic link in the crate pointing out (at {@code ~/.ssh}, {@code /etc})
     * is refused before any compiler sees it.
     */
    static String outsideProject(CTranslationRecipe recipe, Path cDir) throws IOException {
        Path crateRoot = cDir;
        for (String part : recipe.subdir().split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                crateRoot = crateRoot.getParent();
            }
        }
        Path root = crateRoot.toRealPath();
        if (!Files.isDirectory(cDir) || !cDir.toRealPath().startsWith(root)) {
            return "translate subdir '" + recipe.subdir() + "' is not a folder inside crate " + recipe.crate() + " "
                    + recipe.version();
        }
        for (String source : recipe.sources()) {
            Path f = cDir.resolve(source);
            if (Files.exists(f) && !f.toRealPath().startsWith(root)) {
                return "translate source '" + source + "' of crate " + recipe.crate() + " " + recipe.version()
                        + " leads outside the crate (a link to " + f.toRealPath() + "); refused";
            }
        }
        return null;
    }
}
