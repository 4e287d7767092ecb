package io.loopscout.runner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.extract.rewrite.RefusalReason;
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
import java.util.ArrayList;
import java.util.List;
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

    /**
     * fdeflate's decoder graph: entering every item at its first arm (two exits, one edge to an arm that exits),
     * the kernel never reached Stored -> Trailer | BlockStart or Trailer -> Finished, and B's instruction count
     * was A's (the full run: instructions_ratio 1, within-noise). Its constant edges now run.
     */
    @Test
    void decoderGraphKernelRunsItsConstantEdgesSoBDoesLessWorkThanA() throws IOException {
        StateGraph g = FixtureGraphs.decoder();
        ModelBench bench = new ModelBench(Sandbox.detect(), RustToolchain.detect(), scratch, scratch.resolve("cache"),
                QUICK);
        ModelOutcome out = bench.measure("fdeflate-like", g);
        assertTrue(out.failures().isEmpty(), out.failures().toString());
        Measurement m = out.measurement();
        assertNotEquals(Verdict.NOT_MEASURED, m.verdict());
        assertNull(m.nothingToMeasure());
        Double aPrime = m.instructionsRatio("A'");
        Double b = m.instructionsRatio("B");
        assertNotNull(b, m.variants().toString());
        assertTrue(Math.abs(aPrime - 1) < 0.001, "A' is A: " + m.variants());
        assertTrue(b < 0.97, "B takes the constant edges without the dispatch: Ir(B)/Ir(A) " + b);
    }

    /** A graph whose arms only exit (cached kernels of the full run were such): B would be A, nothing is run. */
    @Test
    void graphWithoutConstantTransitionIsNotMeasuredAndSaysWhy() throws IOException {
        List<String> states = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            states.add("State::S" + i);
            edges.add(new Edge(i, -1, EdgeKind.EXIT));
        }
        StateGraph g = new StateGraph(states, edges);
        ModelBench bench = new ModelBench(Sandbox.detect(), RustToolchain.detect(), scratch, scratch.resolve("cache"),
                QUICK);
        ModelOutcome out = bench.measure("p", g);
        Measurement m = out.measurement();
        assertEquals(Verdict.NOT_MEASURED, m.verdict());
        assertEquals(RefusalReason.NO_CONSTANT_TRANSITIONS, m.nothingToMeasure());
        assertEquals(EvidenceTier.MODEL, m.tier());
        assertNull(m.speedup());
        assertNull(m.instructionsRatio("B"));
        assertTrue(out.failures().isEmpty(), "a graph without transitions is no failure: " + out.failures());
        assertFalse(Files.exists(scratch.resolve("model-" + ModelKernel.cacheKey(g))), "no kernel was built");
        assertFalse(Files.exists(bench.cacheFile()), "nothing measured, nothing cached");
    }

    @Test
    void graphWithoutStatesIsNotMeasured() throws IOException {
        ModelBench bench = new ModelBench(Sandbox.detect(), RustToolchain.detect(), scratch, scratch, QUICK);
        ModelOutcome out = bench.measure("p", StateGraph.empty());
        assertEquals(Verdict.NOT_MEASURED, out.measurement().verdict());
        assertTrue(out.failures().isEmpty());
    }
}
