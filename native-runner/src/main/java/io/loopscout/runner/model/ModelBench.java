package io.loopscout.runner.model;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.rewrite.RefusalReason;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.protocol.Analysis;
import io.loopscout.runner.protocol.CallgrindCounts;
import io.loopscout.runner.protocol.Host;
import io.loopscout.runner.protocol.InterleavedRuns;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.protocol.Series;
import io.loopscout.runner.protocol.Timing;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model tier: builds a finding's state graph as a generated kernel ({@link ModelKernel}) in variants A
 * (loop + match), B ({@code #[loop_match]}), D (LLVM's DFA jump threading) and A' (A again), measures them
 * under the protocol in the sandbox, and caches the result by graph shape, kernel generation and host. An upper
 * bound on what the dispatch costs for that graph on this machine, never a measurement of the project. A graph
 * without a constant transition between states is not measured: its B would be its A.
 */
public final class ModelBench {
    /** Target workload time of one timed run. */
    static final double TARGET_RUN_SECONDS = 0.3;
    private static final long CALIBRATION_STEPS = 2_000_000;
    private static final long CALLGRIND_STEPS = 2_000_000;
    private static final Pattern CHECKSUM = Pattern.compile("checksum=([0-9a-f]+) items=(\\d+)");
    private static final List<Variant> VARIANTS = List.of(Variant.A, Variant.B, Variant.D, Variant.A_PRIME);

    private final Sandbox sandbox;
    private final RustToolchain toolchain;
    private final Path workDir;
    private final Protocol protocol;
    private final ModelCache cache;

    /**
     * @param workDir  scratch directory for kernels and binaries
     * @param cacheDir where the per-host result cache lives
     */
    public ModelBench(Sandbox sandbox, RustToolchain toolchain, Path workDir, Path cacheDir, Protocol protocol) {
        this.sandbox = sandbox;
        this.toolchain = toolchain;
        this.workDir = workDir;
        this.protocol = protocol;
        this.cache = ModelCache.open(cacheDir, Host.current(toolchain.version()).key());
    }

    /** The cache file in use. */
    public Path cacheFile() {
        return cache.file();
    }

    /** The measurement of {@code graph} (from the cache when this host measured its shape before). */
    public Measurement measure(StateGraph graph) {
        return measure("model", graph).measurement();
    }

    /** Measures {@code graph}; failures are attributed to {@code project}. Never throws. */
    public ModelOutcome measure(String project, StateGraph graph) {
        if (graph.states().isEmpty()) {
            return new ModelOutcome(Measurement.staticOnly(), List.of(), false);
        }
        if (!ModelKernel.hasConstantTransition(graph)) {
            // A and B would be one program: a comparison would report "within-noise" about nothing
            return new ModelOutcome(Measurement.nothingToMeasure(EvidenceTier.MODEL,
                    RefusalReason.NO_CONSTANT_TRANSITIONS, "model kernel of a " + graph.states().size()
                            + "-state graph (" + graph.shapeHash() + ") not built: no constant transition between"
                            + " states"), List.of(), false);
        }
        String key = ModelKernel.cacheKey(graph);
        Measurement hit = cache.get(key);
        if (hit != null) {
            return new ModelOutcome(hit, List.of(), true);
        }
        List<Failure> failures = new ArrayList<>();
        Measurement m = run(project, graph, key, failures);
        if (failures.isEmpty()) {
            try {
                cache.put(key, m);
            } catch (IOException e) {
                failures.add(Failure.of(project, "measure", FailureClass.INTERNAL, e));
            }
        }
        return new ModelOutcome(m, failures, false);
    }

    private Measurement run(String project, StateGraph graph, String key, List<Failure> failures) {
        Path dir = workDir.resolve("model-" + key);
        Path src = dir.resolve("src");
        Path bin = dir.resolve("bin");
        try {
            Files.createDirectories(src);
            Files.createDirectories(bin);
            Files.writeString(src.resolve("kernel.rs"), ModelKernel.source(graph));
        } catch (IOException | IllegalArgumentException e) {
            failures.add(Failure.of(project, "measure", FailureClass.INTERNAL, e));
            return failed(Verdict.NOT_MEASURED, "cannot write the kernel: " + e.getMessage());
        }
        Map<Variant, Path> exe = new EnumMap<>(Variant.class);
        for (Variant v : VARIANTS) {
            Path out = bin.resolve(v.dirName());
            List<String> argv = new ArrayList<>(List.of(toolchain.rustc().toString(), "--edition", "2021",
                    "-C", "opt-level=3", "-C", "codegen-units=1", "-C", "panic=abort"));
            for (String f : v.rustflags("").split(" ")) {
                if (!f.isEmpty()) {
                    argv.add(f);
                }
            }
            argv.addAll(List.of(src.resolve("kernel.rs").toString(), "-o", out.toString()));
            SandboxResult r = sandbox.run(SandboxCommand.of(argv).workDir(src).readOnly(toolchain.readOnlyPaths())
                    .readOnly(src).writable(bin).env(toolchain.environment()).limits(Limits.build()).build());
            if (!r.ok()) {
                failures.add(r.toFailure(project, "measure", FailureClass.BUILD_FAIL, "model kernel " + v.label()));
                return failed(Verdict.NOT_MEASURED, "model kernel " + v.label() + " did not build: " + r.detail());
            }
            exe.put(v, out);
        }
        SandboxResult calib = sandbox.run(command(exe.get(Variant.A), bin, CALIBRATION_STEPS, protocol.runLimits()));
        if (!calib.ok()) {
            failures.add(calib.toFailure(project, "measure", FailureClass.BENCH_FAIL, "model calibration"));
            return failed(Verdict.UNSTABLE, "calibration run failed: " + calib.detail());
        }
        double perStep = Timing.seconds(calib) / CALIBRATION_STEPS;
        long steps = Math.max(CALIBRATION_STEPS, Math.min(20_000_000_000L, (long) (TARGET_RUN_SECONDS / perStep)));

        // every variant must compute the same thing, or the comparison is meaningless
        String expected = null;
        for (Variant v : VARIANTS) {
            SandboxResult r = sandbox.run(command(exe.get(v), bin, CALIBRATION_STEPS, protocol.runLimits()));
            Matcher cm = CHECKSUM.matcher(r.log());
            String sum = r.ok() && cm.find() ? cm.group(0) : null;
            if (sum == null || (expected != null && !expected.equals(sum))) {
                failures.add(new Failure(project, "measure", FailureClass.BENCH_FAIL,
                        "model kernel " + v.label() + " disagrees with A: " + sum + " vs " + expected));
                return failed(Verdict.NOT_MEASURED, "variant " + v.label() + " computed a different checksum");
            }
            expected = sum;
        }

        LinkedHashMap<String, Supplier<SandboxResult>> runs = new LinkedHashMap<>();
        for (Variant v : VARIANTS) {
            SandboxCommand c = command(exe.get(v), bin, steps, protocol.runLimits());
            runs.put(v.label(), () -> sandbox.run(c));
        }
        double loadBefore = Host.loadAverage();
        Series series = InterleavedRuns.run(protocol, runs);
        String load = Host.loadNote(loadBefore, Host.loadAverage());
        if (series.failed()) {
            failures.add(series.failure().toFailure(project, "measure", FailureClass.BENCH_FAIL,
                    "model run " + series.failedVariant()));
        }
        Map<String, CallgrindCounts> counts = new LinkedHashMap<>();
        if (protocol.callgrind() && !series.failed()) {
            for (Variant v : VARIANTS) {
                CallgrindCounts c = CallgrindCounts.measure(sandbox,
                        command(exe.get(v), bin, CALLGRIND_STEPS, protocol.callgrindLimits()),
                        protocol.callgrindLimits());
                if (c != null) {
                    counts.put(v.label(), c);
                }
            }
        }
        String note = "model kernel of a " + graph.states().size() + "-state graph (" + key + "), " + steps
                + " steps per run; an upper bound for the dispatch, not a project measurement"
                + (counts.isEmpty() ? "" : "; callgrind counts at " + CALLGRIND_STEPS + " steps") + "; " + load;
        return Analysis.of(series, protocol).toMeasurement(EvidenceTier.MODEL, counts, note);
    }

    private SandboxCommand command(Path exe, Path bin, long steps, Limits limits) {
        return SandboxCommand.of(List.of(exe.toString(), Long.toString(steps))).workDir(bin).readOnly(bin)
                .env("PATH", "/usr/bin:/bin").cpu(protocol.cpu()).limits(limits).build();
    }

    private static Measurement failed(Verdict verdict, String why) {
        return new Measurement(EvidenceTier.MODEL, null, null, null, null, null, verdict, null,
                List.of(), why);
    }

    /** A protocol suited to model kernels: the standard one (they are short). */
    public static Protocol defaultProtocol() {
        return Protocol.standard().withMinimums(10, Duration.ofSeconds(3));
    }
}
