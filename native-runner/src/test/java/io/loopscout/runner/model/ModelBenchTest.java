package io.loopscout.runner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.StateGraph;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.protocol.Protocol;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model tier end to end with real rustc builds in the sandbox (a short protocol: this is not a benchmark). */
class ModelBenchTest {
    static final Protocol QUICK = new Protocol(1, 2, Duration.ofMillis(1), 2, Duration.ofMinutes(2), null, true,
            Limits.bench(), Limits.bench());

    @TempDir
    Path scratch;

    @Test
    void measuresAGraphOnceAndServesItFromThePerHostCacheAfterwards() throws IOException {
        Sandbox sandbox = Sandbox.detect();
        RustToolchain tc = RustToolchain.detect();
        StateGraph g = SyntheticGraphs.random(6, 3, 11);
        ModelBench bench = new ModelBench(sandbox, tc, scratch, scratch.resolve("cache"), QUICK);

        ModelOutcome first = bench.measure("p", g);
        assertTrue(first.failures().isEmpty(), first.failures().toString());
        assertFalse(first.cached());
        Measurement m = first.measurement();
        assertEquals(EvidenceTier.MODEL, m.tier());
        assertNotNull(m.speedup());
        assertTrue(m.ciLow() <= m.speedup() && m.speedup() <= m.ciHigh());
        assertNotNull(m.llvmFlagSpeedup());
        assertNotNull(m.aaNoise());
        assertEquals(4, m.variants().size());
        // deterministic cross-check: A and A' are the same program, so callgrind counts match closely
        long irA = m.variants().get(0).instructions();
        long irA2 = m.variants().get(3).instructions();
        assertTrue(Math.abs(irA - irA2) < irA / 1000, irA + " vs " + irA2);
        // loop_match removes the jump back to the dispatch on constant edges: fewer instructions
        assertTrue(m.variants().get(1).instructions() < irA, m.variants().toString());

        ModelOutcome second = bench.measure("p", g);
        assertTrue(second.cached());
        assertEquals(m, second.measurement());

        ModelBench reopened = new ModelBench(sandbox, tc, scratch, scratch.resolve("cache"), QUICK);
        assertTrue(reopened.measure("p", g).cached(), "the JSON cache survives a restart");
        assertTrue(Files.readString(reopened.cacheFile()).contains(g.shapeHash()));
    }

    @Test
    void graphWithoutStatesIsNotMeasured() throws IOException {
        ModelBench bench = new ModelBench(Sandbox.detect(), RustToolchain.detect(), scratch, scratch, QUICK);
        ModelOutcome out = bench.measure("p", StateGraph.empty());
        assertEquals(Verdict.NOT_MEASURED, out.measurement().verdict());
        assertTrue(out.failures().isEmpty());
    }
}
