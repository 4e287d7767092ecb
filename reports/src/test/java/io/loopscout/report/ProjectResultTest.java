package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.extract.rewrite.RefusalReason;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.VariantStats;
import io.loopscout.runner.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's model headline comes from its rewritable loops only (issue 15: zlib-rs's 1.109× was infback's). */
class ProjectResultTest {
    static final ProjectSpec SPEC = new ProjectSpec("zlib-rs", Language.RUST, new SourceSpec.Crate("zlib-rs", "0.6.8"),
            Popularity.none(), null, null, null, 1);

    static Finding loop(int line, boolean eligible, Double model) {
        return Finding.builder().file("src/inflate.rs").startLine(line).endLine(line + 10)
                .pattern(Pattern.RUST_FIELD_STATE_LOOP).eligible(eligible)
                .reason(eligible ? null : "state-not-local").modelSpeedup(model).build();
    }

    @Test
    void theHeadlineIsTheMedianRewritableLoopNeverTheBestOfAll() {
        // as zlib-rs 0.6.8: infback (not rewritable) models 1.109, the two inflate loops 0.985 and 1.075
        List<Finding> zlib = List.of(loop(10, false, 1.109), loop(50, true, 0.985), loop(90, true, 1.075));
        ProjectResult r = ProjectResult.of(SPEC, "0.6.8", zlib, Measurement.staticOnly(), "");
        assertEquals(0.985, r.modelSpeedup()); // lower middle of two
        List<Finding> three = List.of(loop(1, true, 1.2), loop(2, true, 0.9), loop(3, true, 1.05),
                loop(4, true, null), loop(5, false, 2.0));
        assertEquals(1.05, ProjectResult.of(SPEC, "0.6.8", three, Measurement.staticOnly(), "").modelSpeedup());
        assertEquals(3, ProjectResult.headlineFinding(three).startLine());
    }

    @Test
    void aProjectWithoutARewritableModelledLoopHasNoModelFigure() {
        List<Finding> none = List.of(loop(10, false, 1.5), loop(20, true, null));
        assertNull(ProjectResult.of(SPEC, "0.6.8", none, Measurement.staticOnly(), "").modelSpeedup());
        assertNull(ProjectResult.headlineFinding(none));
    }

    /** A project benchmark that timed A, D and A' but no B: the measurement as Analysis makes it. */
    static final Measurement NO_B = new Measurement(EvidenceTier.PROJECT, null, null, null, 1.02, 0.01,
            Verdict.NOT_MEASURED, null, List.of(), "");

    static Finding outcome(int line, LoopOutcome.Status status, String reason) {
        return loop(line, status == LoopOutcome.Status.REWRITTEN, null).withRewrite(
                new LoopOutcome("src/x.rs", line, "rust/field-state-loop", "state", status, reason));
    }

    @Test
    void aProjectBenchmarkWithoutBSaysWhyNothingWasRewritten() {
        // as quick-xml 0.42 and miniz_oxide 0.9: the rewriter's reasons, counted by reason id
        List<Finding> none = List.of(
                outcome(10, LoopOutcome.Status.LEFT_ALONE, "state-type-has-fields: rustc accepts only fieldless enums"),
                outcome(20, LoopOutcome.Status.LEFT_ALONE, "state-type-has-fields: another"),
                loop(30, false, null));
        assertEquals("no variant B: no loop rewritten (left-alone: state-type-has-fields ×2; "
                + "not eligible: state-not-local ×1)", ProjectResult.of(SPEC, "1", none, NO_B, "").verdictReason());
        assertEquals("no variant B: no state loop found",
                ProjectResult.of(SPEC, "1", List.of(), NO_B, "").verdictReason());
    }

    @Test
    void rewrittenLoopsWithoutBPointAtTheFailuresAndOtherVerdictsNeedNoReason() {
        List<Finding> one = List.of(outcome(10, LoopOutcome.Status.REWRITTEN, ""));
        assertEquals("no variant B: 1 loop rewritten, but B did not build or its run failed or disagreed with A "
                + "(failures.csv)", ProjectResult.of(SPEC, "1", one, NO_B, "").verdictReason());
        // a static row is not-measured by definition: nothing to explain
        assertEquals("", ProjectResult.of(SPEC, "1", one, Measurement.staticOnly(), "").verdictReason());
    }

    static Measurement measured(long irA, long irB) {
        return new Measurement(EvidenceTier.PROJECT, 1.004, 0.99, 1.02, 1.0, 0.002, Verdict.WITHIN_NOISE, 0.6,
                List.of(new VariantStats("A", 20, 1.0, 0.01, irA, null, null),
                        new VariantStats("B", 20, 1.0, 0.01, irB, null, null)), "");
    }

    @Test
    void aProjectWhoseBExecutesExactlyAsInstructionsSaysTheBenchmarkMissesTheRewrittenLoops() {
        // loops rewritten, but the driver's workload never enters them (or they compiled to the same code)
        List<Finding> one = List.of(outcome(10, LoopOutcome.Status.REWRITTEN, ""));
        assertEquals(ProjectResult.SAME_INSTRUCTIONS,
                ProjectResult.of(SPEC, "1", one, measured(1_000_000_007L, 1_000_000_007L), "").verdictReason());
        // one instruction apart is a change of work: no such reason
        assertEquals("", ProjectResult.of(SPEC, "1", one, measured(1_000_000_007L, 1_000_000_006L), "")
                .verdictReason());
    }

    @Test
    void modelGraphWithoutConstantTransitionsSaysSoAndIsNoModelFigure() {
        Measurement none = Measurement.nothingToMeasure(EvidenceTier.MODEL, RefusalReason.NO_CONSTANT_TRANSITIONS,
                "");
        ProjectResult r = ProjectResult.of(SPEC, "1", List.of(loop(10, true, null)), none, "");
        assertEquals("nothing to measure: no-constant-transitions", r.verdictReason());
        assertEquals(Verdict.NOT_MEASURED, r.measurement().verdict());
        assertNull(r.modelSpeedup());
        assertNull(r.instructionsRatio());
    }
}
