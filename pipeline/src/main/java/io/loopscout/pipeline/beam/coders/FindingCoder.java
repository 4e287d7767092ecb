package io.loopscout.pipeline.beam.coders;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.rewrite.LoopOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Encodes a {@link Finding} field by field (strings as UTF-8, counts as varints, its state graph as labels and
 * edge triples) instead of Java serialization, which wrote the record's and the graph's class descriptors for
 * every element.
 */
public final class FindingCoder extends CustomCoder<Finding> {

    private static final FindingCoder INSTANCE = new FindingCoder();

    private FindingCoder() {
    }

    /** The coder (stateless, one instance). */
    public static FindingCoder of() {
        return INSTANCE;
    }

    @Override
    public void encode(Finding f, OutputStream out) throws IOException {
        Fields.string(f.project(), out);
        Fields.string(f.version(), out);
        Fields.enumValue(f.language(), out);
        Fields.string(f.file(), out);
        Fields.integer(f.startLine(), out);
        Fields.integer(f.endLine(), out);
        Fields.string(f.function(), out);
        Fields.enumValue(f.pattern(), out);
        Fields.string(f.stateVariable(), out);
        Fields.integer(f.states(), out);
        Fields.integer(f.constTransitions(), out);
        Fields.integer(f.dynamicTransitions(), out);
        Fields.integer(f.fallthroughs(), out);
        Fields.integer(f.exits(), out);
        Fields.string(f.stateType(), out);
        Fields.bool(f.eligible(), out);
        Fields.string(f.reason(), out);
        Fields.bool(f.loopMatchReady(), out);
        Fields.integer(f.parseErrors(), out);
        Fields.enumValue(f.confidence(), out);
        Fields.string(f.mode(), out);
        Fields.string(f.snippet(), out);
        encodeGraph(f.graph(), out);
        Fields.decimal(f.modelSpeedup(), out);
        encodeRewrite(f.rewrite(), out);
        Fields.string(f.driverFunction(), out);
        Fields.integer(f.driverLine(), out);
    }

    @Override
    public Finding decode(InputStream in) throws IOException {
        return new Finding(Fields.string(in), Fields.string(in), Fields.enumValue(Language.class, in),
                Fields.string(in), Fields.integer(in), Fields.integer(in), Fields.string(in),
                Fields.enumValue(Pattern.class, in), Fields.string(in), Fields.integer(in), Fields.integer(in),
                Fields.integer(in), Fields.integer(in), Fields.integer(in), Fields.string(in), Fields.bool(in),
                Fields.string(in), Fields.bool(in), Fields.integer(in),
                Fields.enumValue(Finding.Confidence.class, in), Fields.string(in), Fields.string(in),
                decodeGraph(in), Fields.decimal(in), decodeRewrite(in),
                Fields.string(in), Fields.integer(in));
    }

    /** A rewrite outcome after a presence flag (null when no rewrite ran). */
    private static void encodeRewrite(LoopOutcome r, OutputStream out) throws IOException {
        Fields.bool(r != null, out);
        if (r != null) {
            Fields.string(r.file(), out);
            Fields.integer(r.line(), out);
            Fields.string(r.pattern(), out);
            Fields.string(r.stateVariable(), out);
            Fields.enumValue(r.status(), out);
            Fields.string(r.reason(), out);
        }
    }

    private static LoopOutcome decodeRewrite(InputStream in) throws IOException {
        if (!Fields.bool(in)) {
            return null;
        }
        return new LoopOutcome(Fields.string(in), Fields.integer(in), Fields.string(in), Fields.string(in),
                Fields.enumValue(LoopOutcome.Status.class, in), Fields.string(in));
    }

    /** Deserialised copies (the runner ships coders inside the pipeline) are the one instance, so equal. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public void verifyDeterministic() {
        // every field is written by a deterministic coder in a fixed order
    }

    /** A null graph is written as -1 states (the record allows it, though extractors always set one). */
    private static void encodeGraph(StateGraph graph, OutputStream out) throws IOException {
        if (graph == null) {
            Fields.integer(-1, out);
            return;
        }
        Fields.integer(graph.states().size(), out);
        for (String s : graph.states()) {
            Fields.string(s, out);
        }
        Fields.integer(graph.edges().size(), out);
        for (StateGraph.Edge e : graph.edges()) {
            Fields.integer(e.from(), out);
            Fields.integer(e.to(), out);
            Fields.enumValue(e.kind(), out);
        }
    }

    private static StateGraph decodeGraph(InputStream in) throws IOException {
        int states = Fields.integer(in);
        if (states < 0) {
            return null;
        }
        List<String> labels = new ArrayList<>(states);
        for (int i = 0; i < states; i++) {
            labels.add(Fields.string(in));
        }
        int edges = Fields.integer(in);
        List<StateGraph.Edge> list = new ArrayList<>(edges);
        for (int i = 0; i < edges; i++) {
            list.add(new StateGraph.Edge(Fields.integer(in), Fields.integer(in),
                    Fields.enumValue(StateGraph.EdgeKind.class, in)));
        }
        return new StateGraph(labels, list);
    }
}
