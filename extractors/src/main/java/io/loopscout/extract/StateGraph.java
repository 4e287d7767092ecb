package io.loopscout.extract;

import java.io.Serializable;
import java.util.List;

/**
 * The state graph of one finding: its arms (states) and the edges their transitions make.
 * Feeds the model benchmark and the picture in the HTML report.
 *
 * @param states the arm labels, in source order (e.g. {@code State::Head}, {@code 3}, {@code case Z_HEAD})
 * @param edges  the transitions; {@link Edge#to} is an index into {@code states}, or -1 for dynamic and exit edges
 */
public record StateGraph(List<String> states, List<Edge> edges) implements Serializable {

    public StateGraph {
        states = List.copyOf(states);
        edges = List.copyOf(edges);
    }

    /** The kind of an edge. */
    public enum EdgeKind { CONSTANT, DYNAMIC, FALLTHROUGH, EXIT }

    /** One transition out of arm {@code from}. */
    public record Edge(int from, int to, EdgeKind kind) implements Serializable {
    }

    /** An empty graph (findings without a state variable, such as a computed goto table). */
    public static StateGraph empty() {
        return new StateGraph(List.of(), List.of());
    }

    /** A stable hash of the graph's shape (not its labels), the key of the model benchmark cache. */
    public String shapeHash() {
        StringBuilder sb = new StringBuilder().append(states.size()).append(';');
        edges.stream().map(e -> e.from() + ">" + e.to() + ":" + e.kind()).sorted()
                .forEach(s -> sb.append(s).append(','));
        return Sha256.hex(sb.toString(), 12);
    }
}
