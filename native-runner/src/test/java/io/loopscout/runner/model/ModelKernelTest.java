package io.loopscout.runner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.runner.build.RustToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelKernelTest {
    private static final String CONST_EDGE = "#[cfg_attr(loop_match, const_continue)] break 'blk S::S";
    /** Head -> Body (const), Body -> Body | Tail (const), Body -> ? (dynamic), Tail exits, Dead has no edges. */
    static final StateGraph GRAPH = new StateGraph(List.of("State::Head", "State::Body", "State::Tail", "State::Dead"),
            List.of(new Edge(0, 1, EdgeKind.CONSTANT), new Edge(1, 1, EdgeKind.CONSTANT),
                    new Edge(1, 2, EdgeKind.CONSTANT), new Edge(1, -1, EdgeKind.DYNAMIC),
                    new Edge(2, -1, EdgeKind.EXIT), new Edge(3, 7, EdgeKind.CONSTANT)));

    @Test
    void normalisesEdges() {
        List<List<ModelKernel.Out>> outs = ModelKernel.outEdges(GRAPH);
        assertEquals(List.of(new ModelKernel.Const(1)), outs.get(0));
        assertEquals(List.of(new ModelKernel.Const(1), new ModelKernel.Const(2), new ModelKernel.Dynamic()),
                outs.get(1));
        assertEquals(List.of(new ModelKernel.Exit()), outs.get(2));
        // an out-of-range constant target cannot be a direct jump: it is modelled as dynamic
        assertEquals(List.of(new ModelKernel.Dynamic()), outs.get(3));
    }

    @Test
    void sourceHasOneArmPerStateAndConstContinueOnConstantEdgesOnly() {
        String src = ModelKernel.source(GRAPH);
        for (int i = 0; i < 4; i++) {
            assertTrue(src.contains("S::S" + i + " => {"), "arm " + i);
        }
        assertEquals(3, count(src, "#[cfg_attr(loop_match, const_continue)] break 'blk S::S"));
        assertEquals(2, count(src, "break 'blk ALL["));
        assertEquals(1, count(src, "#[cfg_attr(loop_match, loop_match)]"));
        assertTrue(src.contains("match rng % 3 {"), "Body chooses among its three edges");
        assertTrue(src.contains("LOOPSCOUT_NS="));
    }

    @Test
    void itemsEnterAtTheStatesWithAnEdgeToAState() {
        // Head, Body and Dead (dynamic) move on; Tail only exits, so no item starts there
        assertEquals(List.of(0, 1, 3), ModelKernel.entries(ModelKernel.outEdges(GRAPH)));
        assertTrue(ModelKernel.source(GRAPH).contains("const ENTRY: [S; 3] = [\n    S::S0, S::S1, S::S3,\n];"));
    }

    @Test
    void findingGraphsKeepEveryConstantEdgeAndEnterWhereTheEdgesAre() throws IOException {
        StateGraph c2rust = FixtureGraphs.c2rust();
        // the shape of unsafe-libyaml's scan_tag_directive_value finding in the full run (its model cache key)
        assertEquals("6f78e2d147b9397463439763", c2rust.shapeHash());
        String src = ModelKernel.source(c2rust);
        assertEquals(9, count(src, CONST_EDGE));
        assertEquals(2, count(src, "break 'scan;"), "both arms' exits stay exits");
        assertTrue(src.contains("const ENTRY: [S; 1] = [\n    S::S1,\n];"),
                "items enter at the catch-all arm that holds the transitions, not at the first arm, which only exits");

        StateGraph decoder = FixtureGraphs.decoder();
        // fdeflate's Decompressor::read
        assertEquals("756571c3b44e69eeb308f671", decoder.shapeHash());
        src = ModelKernel.source(decoder);
        assertEquals(4, count(src, CONST_EDGE));
        assertTrue(src.contains("const ENTRY: [S; 3] = [\n    S::S0, S::S5, S::S6,\n];"), "Header, Stored, Trailer");
    }

    @Test
    void graphWithoutConstantTransitionHasNoKernel() {
        // the shape of cached kernels whose every arm was `break 'scan;` (e.g. 14bd7ff88faba9399d9c18c8)
        List<String> states = new ArrayList<>();
        List<Edge> exits = new ArrayList<>();
        List<Edge> dynamic = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            states.add("State::S" + i);
            exits.add(new Edge(i, -1, EdgeKind.EXIT));
            dynamic.add(new Edge(i, -1, EdgeKind.DYNAMIC));
        }
        StateGraph exitsOnly = new StateGraph(states, exits);
        assertFalse(ModelKernel.hasConstantTransition(exitsOnly));
        assertThrows(IllegalArgumentException.class, () -> ModelKernel.source(exitsOnly));
        // dynamic edges go through the dispatch in B as in A: still nothing for #[loop_match] to change
        assertFalse(ModelKernel.hasConstantTransition(new StateGraph(states, dynamic)));
        assertTrue(ModelKernel.hasConstantTransition(GRAPH));
    }

    @Test
    void cacheKeyNamesTheGeneratorSoResultsOfOlderKernelsAreNotReused() {
        String key = ModelKernel.cacheKey(GRAPH);
        assertTrue(key.endsWith(GRAPH.shapeHash()), key);
        assertNotEquals(GRAPH.shapeHash(), key);
        assertTrue(ModelKernel.isCurrentKey(key));
        assertFalse(ModelKernel.isCurrentKey(GRAPH.shapeHash()), "the first generator's keys were bare hashes");
    }

    /**
     * A real build of the unsafe-libyaml-like kernel: entering at the first arm, each item was one step of that
     * arm and its exit (items == steps); entering at the catch-all, items take its constant edges.
     */
    @Test
    void c2rustKernelTakesItsConstantEdges(@TempDir Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("kernel.rs");
        Files.writeString(src, ModelKernel.source(FixtureGraphs.c2rust()));
        long steps = 1_000_000;
        String a = run(build(src, dir.resolve("a"), false), steps);
        String b = run(build(src, dir.resolve("b"), true), steps);
        assertEquals(a, b, "A and B compute the same thing");
        Matcher m = Pattern.compile("items=(\\d+)").matcher(a);
        assertTrue(m.find(), a);
        long items = Long.parseLong(m.group(1));
        assertTrue(items < steps * 3 / 4, items + " items in " + steps + " steps: the items stop at the first state");
    }

    private static Path build(Path src, Path out, boolean loopMatch) throws IOException, InterruptedException {
        RustToolchain tc = RustToolchain.detect();
        List<String> argv = new ArrayList<>(List.of(tc.rustc().toString(), "--edition", "2021", "-C", "opt-level=3",
                "-C", "codegen-units=1", "-C", "panic=abort"));
        if (loopMatch) {
            argv.addAll(List.of("--cfg", "loop_match"));
        }
        argv.addAll(List.of(src.toString(), "-o", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().putAll(tc.environment());
        String log = exec(pb);
        assertTrue(Files.isExecutable(out), log);
        return out;
    }

    private static String run(Path exe, long steps) throws IOException, InterruptedException {
        return exec(new ProcessBuilder(exe.toString(), Long.toString(steps)).redirectErrorStream(true))
                .lines().filter(l -> l.startsWith("checksum=")).findFirst().orElse("no checksum from " + exe);
    }

    private static String exec(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void emptyGraphHasNoKernel() {
        assertThrows(IllegalArgumentException.class, () -> ModelKernel.source(StateGraph.empty()));
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
