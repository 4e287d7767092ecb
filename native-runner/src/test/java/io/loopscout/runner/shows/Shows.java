package io.loopscout.runner.shows;

import io.loopscout.core.Failure;
import io.loopscout.core.Language;
import io.loopscout.extract.StateGraph;
import io.loopscout.manifest.BenchSpec;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.VariantStats;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.PreparedProject;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.model.ModelBench;
import io.loopscout.runner.model.SyntheticGraphs;
import io.loopscout.runner.protocol.Analysis;
import io.loopscout.runner.protocol.Host;
import io.loopscout.runner.protocol.Timing;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.stats.RatioEstimate;
import io.loopscout.runner.ProjectMeasurer;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark shows of the native runner (not unit tests: they take minutes and depend on the machine).
 * Run with {@code native-runner/bench.sh aa|regressed|model [args]}.
 */
public final class Shows {
    private Shows() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: bench.sh aa [REPS] | regressed | calibrate [REPS] [SLOW_REPS] [--busy K] | noise [PAIRS] | model [STATES] [SEED] | zlib ZLIB_RS_DIR [B_DIR|rewrite|-] [ITERATIONS]");
            System.exit(2);
        }
        Path scratch = Files.createTempDirectory("loopscout-shows");
        Sandbox sandbox = Sandbox.detect();
        RustToolchain tc = RustToolchain.detect();
        System.out.println("sandbox: " + sandbox.method());
        System.out.println("toolchain: " + tc.version() + "; cpus: " + Runtime.getRuntime().availableProcessors()
                + "; load: " + Files.readString(Path.of("/proc/loadavg")).strip());
        switch (args[0]) {
            case "aa" -> aa(sandbox, tc, scratch, args.length > 1 ? Integer.parseInt(args[1]) : 20);
            case "regressed" -> regressed(sandbox, tc, scratch);
            case "model" -> model(sandbox, tc, scratch, args.length > 1 ? Integer.parseInt(args[1]) : 30,
                    args.length > 2 ? Long.parseLong(args[2]) : 3720);
            case "zlib" -> ZlibShow.run(sandbox, tc, scratch, args);
            case "calibrate" -> CalibrationShow.run(sandbox, tc, scratch, args);
            case "noise" -> NoiseShow.run(sandbox, tc, scratch, args.length > 1 ? Integer.parseInt(args[1]) : 30);
            default -> {
                System.err.println("unknown show " + args[0]);
                System.exit(2);
            }
        }
    }

    /** The lexer fixture as a project whose bench command runs its own harness. */
    static ProjectSpec lexer() {
        return new ProjectSpec("lexer-fixture", Language.RUST, new SourceSpec.Path("bench/lexer"), Popularity.none(),
                null, new BenchSpec("cargo run --release -- 600", ""), "benchmark fixture", 0);
    }

    /** A/A experiment: REPS full protocol runs of A against A'; within-noise must hold at least 95% of the time. */
    static void aa(Sandbox sandbox, RustToolchain tc, Path scratch, int reps) {
        Path crate = TestFixtures.copyResource("bench/lexer", scratch);
        ProjectMeasurer pm = measurer(sandbox, tc, scratch, Protocol.standard().withCallgrind(false));
        List<Failure> failures = new ArrayList<>();
        PreparedProject p = pm.prepare(lexer(), crate, null, List.of(Variant.A, Variant.A_PRIME), failures);
        if (p == null) {
            System.out.println("FAILED to prepare: " + failures);
            return;
        }
        Map<Verdict, Integer> tally = new EnumMap<>(Verdict.class);
        for (int i = 1; i <= reps; i++) {
            Analysis a = pm.analyse(p);
            RatioEstimate e = a.estimates().get(Variant.A_PRIME.label());
            Verdict v = a.verdict(Variant.A_PRIME.label());
            tally.merge(v, 1, Integer::sum);
            System.out.printf(Locale.ROOT,
                    "rep %2d: A/A' %.4f [%.4f, %.4f] p=%.3f cv(A)=%.3f cv(A')=%.3f pairs=%d load=%.1f -> %s%n",
                    i, e.ratio(), e.ciLow(), e.ciHigh(), e.pValue(), a.cv("A"), a.cv("A'"), a.series().rounds(),
                    Host.loadAverage(), v.id());
        }
        int ok = tally.getOrDefault(Verdict.WITHIN_NOISE, 0);
        System.out.printf(Locale.ROOT, "A/A: within-noise %d of %d (%s); target: at least %d%n", ok, reps, tally,
                (int) Math.ceil(reps * 0.95));
    }

    /** The lexer fixture with B built under --cfg loop_match, which does 10% more work: must be regressed. */
    static void regressed(Sandbox sandbox, RustToolchain tc, Path scratch) {
        Path crate = TestFixtures.copyResource("bench/lexer", scratch);
        ProjectMeasurer pm = measurer(sandbox, tc, scratch, Protocol.standard());
        List<Failure> failures = new ArrayList<>();
        PreparedProject p = pm.prepare(lexer(), crate, crate, failures);
        if (p == null) {
            System.out.println("FAILED to prepare: " + failures);
            return;
        }
        Measurement m = pm.measure(p, failures);
        print(m);
        failures.forEach(f -> System.out.println("failure: " + f));
        System.out.println("expected: regressed, B/A about 1.10 (speed-up about 0.909); got " + m.verdict().id());
    }

    /** The model tier on a generated graph: #[loop_match] should beat loop + match with a CI excluding 1. */
    static void model(Sandbox sandbox, RustToolchain tc, Path scratch, int states, long seed) {
        StateGraph g = SyntheticGraphs.random(states, 5, seed);
        ModelBench mb = new ModelBench(sandbox, tc, scratch, scratch.resolve("cache"),
                pinned(ModelBench.defaultProtocol()));
        var out = mb.measure("synthetic", g);
        System.out.println("graph: " + states + " states, " + g.edges().size() + " edges, shape " + g.shapeHash());
        print(out.measurement());
        out.failures().forEach(f -> System.out.println("failure: " + f));
        var again = mb.measure("synthetic", g);
        System.out.println("second request served from cache: " + again.cached() + " (" + mb.cacheFile() + ")");
    }

    /**
     * The protocol with the CPU pin from {@code LOOPSCOUT_CPU} (a number, or {@code none}) and the clock from
     * {@code LOOPSCOUT_CLOCK} ({@code cpu} or {@code wall}) when set.
     */
    static Protocol pinned(Protocol p) {
        String clock = System.getenv("LOOPSCOUT_CLOCK");
        if (clock != null && !clock.isBlank()) {
            p = p.withClock(Timing.Clock.valueOf(clock.toUpperCase(Locale.ROOT)));
        }
        System.out.println("clock: " + p.clock());
        String cpu = System.getenv("LOOPSCOUT_CPU");
        if (cpu == null || cpu.isBlank()) {
            return p;
        }
        return p.withCpu(cpu.equals("none") ? null : Integer.valueOf(cpu));
    }

    static ProjectMeasurer measurer(Sandbox sandbox, RustToolchain tc, Path scratch, Protocol protocol) {
        protocol = pinned(protocol);
        System.out.println("cpu pin: " + (protocol.cpu() == null ? "none" : protocol.cpu()));
        return new ProjectMeasurer(new CargoBuild(sandbox, tc), scratch.resolve("work"), protocol,
                new ModelBench(sandbox, tc, scratch.resolve("work"), scratch.resolve("cache"), protocol));
    }

    static void print(Measurement m) {
        System.out.printf(Locale.ROOT, "tier=%s speedup(A/B)=%s CI=[%s, %s] llvm-flag(A/D)=%s aa-noise=%s verdict=%s p=%s%n",
                m.tier().id(), f(m.speedup()), f(m.ciLow()), f(m.ciHigh()), f(m.llvmFlagSpeedup()), f(m.aaNoise()),
                m.verdict().id(), f(m.pValue()));
        for (VariantStats v : m.variants()) {
            System.out.printf(Locale.ROOT, "  %-2s runs=%d median=%.5f s cv=%.4f Ir=%s branches=%s mispredicts=%s%n",
                    v.variant(), v.runs(), v.medianSeconds(), v.cv(), v.instructions(), v.branches(),
                    v.mispredictions());
        }
        System.out.println("  note: " + m.note());
    }

    private static String f(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.4f", d);
    }
}
