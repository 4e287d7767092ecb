package io.loopscout.runner.model;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random state graphs shaped like lexers and decoders, for benchmarks of the model tier. */
public final class SyntheticGraphs {
    private SyntheticGraphs() {
    }

    /**
     * A graph of {@code states} states: each has 2 or 3 constant edges to random states, one in
     * {@code dynamicEvery} states also a dynamic edge, and the last state exits.
     */
    public static StateGraph random(int states, int dynamicEvery, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < states; i++) {
            names.add("State::S" + i);
            int k = 2 + rnd.nextInt(2);
            for (int e = 0; e < k; e++) {
                edges.add(new Edge(i, rnd.nextInt(states), EdgeKind.CONSTANT));
            }
            if (dynamicEvery > 0 && i % dynamicEvery == dynamicEvery - 1) {
                edges.add(new Edge(i, -1, EdgeKind.DYNAMIC));
            }
        }
        edges.add(new Edge(states - 1, -1, EdgeKind.EXIT));
        return new StateGraph(names, edges);
    }
}
