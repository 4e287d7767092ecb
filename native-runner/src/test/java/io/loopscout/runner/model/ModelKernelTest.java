package io.loopscout.runner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelKernelTest {
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
