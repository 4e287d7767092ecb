package io.loopscout.runner.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.manifest.BenchSpec;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.runner.MeasureMode;
import io.loopscout.runner.MeasureOutcome;
import io.loopscout.runner.ProjectMeasurer;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.model.ModelBench;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile corpus measured in one run through the real project tier (fetch, builds, timed runs in the sandbox):
 * every hostile project ends in its own failure class and the control projects, measured in the same run after
 * them, keep intact results. Fixtures: src/test/resources/hostile (network, writes outside, fork explosion,
 * memory, endless loops, log flood), hostile-limits (disk flood, control) and hostile-config (planted cargo
 * config, which must build and run as if the config were not there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {
    /** Small run limits so each hostile run ends in seconds. */
    private static final Limits RUN = new Limits(Duration.ofSeconds(4), Duration.ofSeconds(4), 256L << 20, 32,
            64 * 1024, 32L << 20);

    @TempDir
    static Path scratch;
    HostileHost host;
    Sandbox sandbox;
    final Map<String, MeasureOutcome> outcomes = new LinkedHashMap<>();

    @BeforeAll
    void measureTheCorpus() throws IOException {
        sandbox = HostileHost.bwrapOrSkip();
        host = new HostileHost(scratch);
        Path hostile = TestFixtures.copyResource("hostile", scratch);
        Path limits = TestFixtures.copyResource("hostile-limits", scratch);
        Path planted = host.plant("hostile-config", scratch);
        RustToolchain tc = RustToolchain.detect();
        Path work = scratch.resolve("measure");
        Protocol quick = Protocol.standard().withMinimums(2, Duration.ofMillis(1)).withCallgrind(false)
                .withLimits(RUN, RUN);
        ProjectMeasurer pm = new ProjectMeasurer(new CargoBuild(sandbox, tc, Limits.build().withDiskBytes(64L << 20)),
                work, quick, new ModelBench(sandbox, tc, work, scratch, quick));
        measure(pm, "control-first", limits, "control", "cargo run --release");
        for (String member : List.of("net-build", "sleeper", "spinner", "hog", "forker", "escape", "chatter")) {
            measure(pm, member, hostile, member, "cargo run --release");
        }
        measure(pm, "disk-flood", limits, "disk-flood", "cargo run --release");
        measure(pm, "planted", planted, null, "cargo run --release --offline --bin planted");
        measure(pm, "control-last", limits, "control", "cargo run --release");
    }

    @AfterAll
    void stop() throws IOException {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void eachHostileProjectEndsInItsOwnFailureClass() {
        assertEquals(FailureClass.NETWORK_BLOCKED, onlyFailure("net-build").failureClass());
        assertEquals(FailureClass.TIMEOUT, onlyFailure("sleeper").failureClass());
        assertEquals(FailureClass.TIMEOUT, onlyFailure("spinner").failureClass());
        assertEquals(FailureClass.OOM, onlyFailure("hog").failureClass());
        assertEquals(FailureClass.DISK_FULL, onlyFailure("disk-flood").failureClass());
        Failure escape = onlyFailure("escape");
        assertEquals(FailureClass.BENCH_FAIL, escape.failureClass());
        assertTrue(escape.message().contains("refused"), escape.message());
        assertFalse(Files.exists(scratch.resolve("hostile/escape/escaped.txt")));
    }

    @Test
    void forkExplosionStopsAtTheProcessLimit() {
        assumeTrue(sandbox.enforcesProcessLimit(), "no cgroups and uid 0: " + sandbox.method());
        Failure f = onlyFailure("forker");
        assertEquals(FailureClass.BENCH_FAIL, f.failureClass());
        assertTrue(f.message().contains("process limit of 32"), f.message());
    }

    @Test
    void logFloodIsCappedAndTheProjectIsStillMeasured() {
        assertEquals(List.of(), outcomes.get("chatter").failures());
        assertNotNull(outcomes.get("chatter").measurement());
    }

    @Test
    void plantedCargoConfigBuildsAndRunsWithoutReachingTheHost() {
        assertEquals(List.of(), outcomes.get("planted").failures());
        assertNotNull(outcomes.get("planted").measurement());
        assertEquals(List.of(), host.markers());
        assertEquals(0, host.connections());
    }

    @Test
    void controlsBeforeAndAfterTheHostileProjectsAreIntact() {
        for (String id : List.of("control-first", "control-last")) {
            MeasureOutcome o = outcomes.get(id);
            assertEquals(List.of(), o.failures(), id);
            assertTrue(o.measurement().variants().stream().allMatch(v -> v.runs() >= 2), o.measurement().toString());
            assertEquals(3, o.measurement().variants().size(), "A, D and A' measured: " + o.measurement());
        }
        assertFalse(Files.exists(scratch.resolve("measure/control-first")), "scratch removed");
        assertFalse(Files.exists(scratch.resolve("measure/disk-flood")), "scratch removed after a failure too");
    }

    private void measure(ProjectMeasurer pm, String id, Path checkout, String member, String bench) {
        ProjectSpec spec = new ProjectSpec(id, Language.RUST, new SourceSpec.Path(checkout.toString()),
                Popularity.none(), member, new BenchSpec(bench, ""), "hostile corpus", 1);
        outcomes.put(id, pm.measure(spec, checkout, List.of(), MeasureMode.PROJECT));
    }

    private Failure onlyFailure(String id) {
        List<Failure> f = outcomes.get(id).failures();
        assertEquals(1, f.size(), id + ": " + f);
        return f.get(0);
    }
}
