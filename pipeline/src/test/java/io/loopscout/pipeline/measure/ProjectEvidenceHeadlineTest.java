package io.loopscout.pipeline.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.extract.rewrite.RefusalReason;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.MeasureOutcome;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which model result stands for a project whose own benchmark did not run. */
class ProjectEvidenceHeadlineTest {
    /** Two states that only exit: the model tier has nothing to measure. */
    static final StateGraph EXITS_ONLY = new StateGraph(List.of("State::A", "State::B"),
            List.of(new Edge(0, -1, EdgeKind.EXIT), new Edge(1, -1, EdgeKind.EXIT)));
    static final StateGraph LOOPING = new StateGraph(List.of("State::A", "State::B"),
            List.of(new Edge(0, 1, EdgeKind.CONSTANT), new Edge(1, 0, EdgeKind.CONSTANT)));

    static Finding loop(int line, StateGraph graph, Double model) {
        return Finding.builder().file("src/lib.rs").startLine(line).endLine(line + 5)
                .pattern(Pattern.RUST_STATE_LOOP).eligible(true).graph(graph).modelSpeedup(model).build();
    }

    @Test
    void aRewritableLoopWithNothingToMeasureMakesANotMeasuredRowThatSaysWhy() {
        Measurement none = Measurement.nothingToMeasure(EvidenceTier.MODEL, RefusalReason.NO_CONSTANT_TRANSITIONS,
                "");
        MeasureOutcome o = new MeasureOutcome(null, List.of(), List.of(loop(1, EXITS_ONLY, null)),
                Map.of(EXITS_ONLY.shapeHash(), none));
        Measurement m = ProjectEvidence.headlineModel(o);
        assertEquals(Verdict.NOT_MEASURED, m.verdict());
        assertEquals(RefusalReason.NO_CONSTANT_TRANSITIONS, m.nothingToMeasure());
    }

    @Test
    void aMeasuredRewritableLoopStandsForTheProjectBeforeOneWithNothingToMeasure() {
        Measurement measured = new Measurement(EvidenceTier.MODEL, 1.1, 1.05, 1.15, 1.0, 0.002, Verdict.IMPROVED,
                0.01, List.of(), "");
        MeasureOutcome o = new MeasureOutcome(null, List.of(),
                List.of(loop(1, EXITS_ONLY, null), loop(10, LOOPING, 1.1)),
                Map.of(EXITS_ONLY.shapeHash(), Measurement.nothingToMeasure(EvidenceTier.MODEL,
                        RefusalReason.NO_CONSTANT_TRANSITIONS, ""), LOOPING.shapeHash(), measured));
        assertSame(measured, ProjectEvidence.headlineModel(o));
        assertEquals(Measurement.staticOnly(), ProjectEvidence.headlineModel(
                new MeasureOutcome(null, List.of(), List.of(loop(1, LOOPING, null)), Map.of())));
    }
}
