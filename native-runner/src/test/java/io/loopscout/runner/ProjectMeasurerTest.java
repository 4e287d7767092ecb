package io.loopscout.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.manifest.BenchSpec;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.PreparedProject;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.model.ModelBench;
import io.loopscout.runner.model.SyntheticGraphs;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Measure stage's entry point on real cargo builds in the sandbox: the lexer fixture (whose variant B
 * does 10% more work), broken bench commands, bad subdirs, and the hostile network build. A short protocol:
 * timings here prove nothing; callgrind counts do.
 */
class ProjectMeasurerTest {
    static final Protocol QUICK = new Protocol(1, 3, Duration.ofMillis(1), 3, Duration.ofMinutes(2), null, true,
            Limits.bench(), Limits.bench());

    @TempDir
    static Path scratch;
    static ProjectMeasurer measurer;
    static Path lexer;

    @BeforeAll
    static void setUp() throws IOException {
        Sandbox sandbox = Sandbox.detect();
        RustToolchain tc = RustToolchain.detect();
        measurer = new ProjectMeasurer(new CargoBuild(sandbox, tc), scratch.resolve("work"), QUICK,
                new ModelBench(sandbox, tc, scratch.resolve("work"), scratch.resolve("cache"), QUICK));
        lexer = TestFixtures.copyResource("bench/lexer", scratch);
    }

    static ProjectSpec spec(String id, String subdir, String command) {
        return new ProjectSpec(id, Language.RUST, new SourceSpec.Path("x"), Popularity.none(), subdir,
                new BenchSpec(command, ""), null, 7);
    }

    @Test
    void measuresAllVariantsAndCallgrindSeesTheDeliberateTenPercent() {
        PreparedProject p = measurer.prepare(spec("lexer", null, "cargo run --release -- 20"), lexer, lexer,
                new ArrayList<>());
        assertNotNull(p);
        assertEquals(List.of(Variant.A, Variant.B, Variant.D, Variant.A_PRIME), List.copyOf(p.runs().keySet()));
        List<Failure> failures = new ArrayList<>();
        Measurement m = measurer.measure(p, failures);
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(EvidenceTier.PROJECT, m.tier());
        assertNotNull(m.speedup());
        assertNotNull(m.llvmFlagSpeedup());
        assertNotNull(m.aaNoise());
        assertNotNull(m.pValue());
        assertEquals(List.of("A", "B", "D", "A'"), m.variants().stream().map(VariantStats::variant).toList());
        assertTrue(m.note().contains("harness-timed"), m.note());
        double irRatio = (double) m.variants().get(1).instructions() / m.variants().get(0).instructions();
        // B lexes 22 rounds where A lexes 20 (plus the same input set-up): about 1.097
        assertTrue(irRatio > 1.08 && irRatio < 1.11, "Ir(B)/Ir(A) = " + irRatio);
    }

    static ProjectSpec driven(String id) {
        Path driver = TestFixtures.copyResource("bench/drivers", scratch.resolve("drivers-" + id)).resolve("tally");
        return new ProjectSpec(id, Language.RUST, new SourceSpec.Path("x"), Popularity.none(), null,
                BenchSpec.driver(driver.toString(), List.of("30"), ""), null, 9);
    }

    @Test
    void driverBuildsAgainstEachVariantsCrateAndCallgrindCountsOnlyItsWorkload() {
        Path tally = TestFixtures.copyResource("bench/tally", scratch.resolve("driver-a"));
        Path copy = TestFixtures.copyResource("bench/tally", scratch.resolve("driver-b"));
        List<Failure> failures = new ArrayList<>();
        PreparedProject p = measurer.prepare(driven("tally"), tally, copy, failures);
        assertNotNull(p, failures.toString());
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(List.of(Variant.A, Variant.B, Variant.D, Variant.A_PRIME), List.copyOf(p.runs().keySet()));
        Measurement m = measurer.measure(p, failures);
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(m.note().contains("harness-timed"), m.note());
        long irA = m.variants().get(0).instructions();
        long irB = m.variants().get(1).instructions();
        // the set-up loop alone is 20 M iterations; callgrind counts one round of counting 10 kB (5-10 instructions
        // a byte), not the 30 rounds of the timed runs (1.5 M and more)
        assertTrue(irA > 20_000 && irA < 300_000, "Ir(A) = " + irA);
        assertTrue(m.note().contains("callgrind counts 1 iteration of the driver's workload"), m.note());
        assertEquals(1.0, (double) irB / irA, 0.01);
    }

    @Test
    void aVariantThatComputesSomethingElseIsABenchFailureAndIsNotTimed() {
        Path tally = TestFixtures.copyResource("bench/tally", scratch.resolve("wrong-a"));
        Path wrong = TestFixtures.copyResource("bench/tally-miscounts", scratch.resolve("wrong-b"));
        List<Failure> failures = new ArrayList<>();
        PreparedProject p = measurer.prepare(driven("tally-wrong"), tally, wrong, failures);
        assertNotNull(p, failures.toString());
        assertEquals(List.of(Variant.A, Variant.D, Variant.A_PRIME), List.copyOf(p.runs().keySet()));
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(FailureClass.BENCH_FAIL, failures.get(0).failureClass());
        assertTrue(failures.get(0).message().startsWith("variant B computed another result than A (checksum "),
                failures.get(0).message());
    }

    @Test
    void failingBenchmarkIsAFailureAndAnUnstableMeasurementNotAnException() {
        Finding f = Finding.builder().pattern(Pattern.RUST_STATE_LOOP).eligible(true)
                .graph(SyntheticGraphs.random(4, 2, 5)).build();
        MeasureOutcome out = measurer.measure(spec("lexer-bad", null, "cargo run --release -- not-a-number"), lexer,
                List.of(f), MeasureMode.PROJECT);
        assertNotNull(out.measurement());
        assertEquals(Verdict.UNSTABLE, out.measurement().verdict());
        assertTrue(out.failures().stream().anyMatch(x -> x.failureClass() == FailureClass.BENCH_FAIL
                && x.message().contains("ROUNDS")), out.failures().toString());
        // the benchmark was measured (unstable): the project stands as itself, no model kernel stands in for it
        assertNull(out.findings().get(0).modelSpeedup());
        assertTrue(out.models().isEmpty());
    }

    @Test
    void missingCrateAndEscapingSubdirAreBuildFailuresNamingTheProblem() {
        MeasureOutcome missing = measurer.measure(spec("nope", "no-such-crate", "cargo run --release"), lexer,
                List.of(), MeasureMode.PROJECT);
        assertNull(missing.measurement());
        assertEquals(FailureClass.BUILD_FAIL, missing.failures().get(0).failureClass());
        assertTrue(missing.failures().get(0).message().contains("no Cargo.toml"));

        MeasureOutcome escape = measurer.measure(spec("esc", "../..", "cargo run --release"), lexer, List.of(),
                MeasureMode.PROJECT);
        assertNull(escape.measurement());
        assertTrue(escape.failures().get(0).message().contains("leaves the checkout"),
                escape.failures().toString());
    }

    @Test
    void hostileBuildScriptIsNetworkBlocked() {
        Path hostile = TestFixtures.copyResource("hostile", scratch);
        MeasureOutcome out = measurer.measure(spec("hostile", "net-build", "cargo run --release -p net-build"),
                hostile, List.of(), MeasureMode.PROJECT);
        assertNull(out.measurement());
        assertEquals(FailureClass.NETWORK_BLOCKED, out.failures().get(0).failureClass(), out.failures().toString());
    }

    @Test
    void projectModeModelsTheRewritableLoopsOfUnbenchedProjectsOnlyModelModeEveryGraph() {
        Finding rewritable = Finding.builder().pattern(Pattern.RUST_STATE_LOOP).eligible(true)
                .graph(SyntheticGraphs.random(4, 2, 5)).build();
        Finding notRewritable = Finding.builder().pattern(Pattern.RUST_DISPATCH_LOOP).eligible(false)
                .reason("no-constant-transitions").graph(SyntheticGraphs.random(5, 2, 7)).build();
        Finding c = Finding.builder().pattern(Pattern.C_SWITCH_STATE_LOOP).graph(SyntheticGraphs.random(6, 2, 9))
                .build();
        List<Finding> all = List.of(rewritable, notRewritable, c);
        assertEquals(List.of(true, false, false), all.stream()
                .map(f -> ProjectMeasurer.modelled(f, MeasureMode.PROJECT, false)).toList());
        // a project measured by its own benchmark stands as itself
        assertEquals(List.of(false, false, false), all.stream()
                .map(f -> ProjectMeasurer.modelled(f, MeasureMode.PROJECT, true)).toList());
        assertEquals(List.of(true, true, true), all.stream()
                .map(f -> ProjectMeasurer.modelled(f, MeasureMode.MODEL, true)).toList());
        assertEquals(List.of(false, false, false), all.stream()
                .map(f -> ProjectMeasurer.modelled(f, MeasureMode.STATIC, false)).toList());
        // no bench: the project tier has nothing to run, the model tier measured the rewritable loop alone
        MeasureOutcome out = measurer.measure(new ProjectSpec("mixed", Language.RUST, new SourceSpec.Path("x"),
                Popularity.none(), null, null, null, 3), lexer, all, MeasureMode.PROJECT);
        assertNotNull(out.findings().get(0).modelSpeedup());
        assertNull(out.findings().get(1).modelSpeedup());
        assertNull(out.findings().get(2).modelSpeedup());
        assertEquals(1, out.models().size());
    }

    @Test
    void staticModeMeasuresNothing() {
        Finding f = Finding.builder().pattern(Pattern.RUST_STATE_LOOP).graph(SyntheticGraphs.random(4, 2, 5)).build();
        MeasureOutcome out = measurer.measure(spec("lexer", null, "cargo run --release -- 20"), lexer, List.of(f),
                MeasureMode.STATIC);
        assertNull(out.measurement());
        assertNull(out.findings().get(0).modelSpeedup());
        assertTrue(out.failures().isEmpty());
    }
}
