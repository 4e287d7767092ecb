package io.loopscout.pipeline.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.report.ProjectResult;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static ProjectSpec spec(String id, long downloads, long stars) {
        return new ProjectSpec(id, Language.RUST, new SourceSpec.Crate(id, "1.0.0"),
                new Popularity(downloads, stars, "2026-11-01"), null, null, null, 1);
    }

    private static Finding finding(Pattern p, Boolean eligible) {
        return Finding.builder().file("src/lib.rs").startLine(1).endLine(9).pattern(p).eligible(eligible).build();
    }

    private static Measurement project(double s, double lo, double hi, Verdict v) {
        return new Measurement(EvidenceTier.PROJECT, s, lo, hi, 1.0, 0.005, v, 0.01, List.of(), "");
    }

    private static ProjectResult result(String id, long downloads, List<Finding> findings, Measurement m) {
        return ProjectResult.of(spec(id, downloads, 0), "1.0.0", findings, m, "");
    }

    @Test
    void scoreFollowsTheDocumentedFormula() {
        // P = 1 + log10(1 + 999) = 4; F = 3 (eligible) + 1 (state machine) + 0.5 (dispatch) + 0.25 (adopted)
        //   + 0.5 (low-confidence state machine) = 5.25;
        // s = 1.20, CI [1.15, 1.25] → G = 100 × (0.20 − 0.05) = 15, E = 1
        Finding low = finding(Pattern.C_SWITCH_STATE_LOOP, null).toBuilder()
                .confidence(Finding.Confidence.LOW).build();
        ProjectResult r = result("a", 999, List.of(finding(Pattern.RUST_STATE_LOOP, true),
                finding(Pattern.RUST_FIELD_STATE_LOOP, false), finding(Pattern.RUST_DISPATCH_LOOP, false),
                finding(Pattern.RUST_LOOP_MATCH, null), low), project(1.20, 1.15, 1.25, Verdict.IMPROVED));
        double expected = 4 * (Math.log(1 + 5.25) / Math.log(2) + 1.0 * 15 / 2);
        assertEquals(Math.round(expected * 1000) / 1000.0, Scoring.score(r), 1e-9);
    }

    @Test
    void noFindingsScoresZeroWhateverThePopularity() {
        assertEquals(0, Scoring.score(result("a", 1_000_000_000L, List.of(), Measurement.staticOnly())));
    }

    @Test
    void starsCountAsAThousandDownloads() {
        ProjectResult starred = ProjectResult.of(spec("s", 0, 9), "", List.of(finding(Pattern.C_COMPUTED_GOTO, null)),
                null, "");
        ProjectResult downloaded = result("d", 9000, List.of(finding(Pattern.C_COMPUTED_GOTO, null)), null);
        assertEquals(Scoring.score(downloaded), Scoring.score(starred));
    }

    @Test
    void evidenceTiersWeighProjectOverModelOverStatic() {
        List<Finding> one = List.of(finding(Pattern.RUST_STATE_LOOP, true).withModelSpeedup(1.3));
        ProjectResult measured = result("p", 1000, one, project(1.3, 1.3, 1.3, Verdict.IMPROVED));
        ProjectResult model = result("m", 1000, one, new Measurement(EvidenceTier.MODEL, 1.3, 1.3, 1.3, null,
                null, Verdict.IMPROVED, null, List.of(), ""));
        ProjectResult stat = result("s", 1000, List.of(finding(Pattern.RUST_STATE_LOOP, true)), null);
        assertTrue(Scoring.score(measured) > Scoring.score(model));
        assertTrue(Scoring.score(model) > Scoring.score(stat));
        // a model speed-up known only on a finding, without a CI, counts half its gain
        ProjectResult findingOnly = result("f", 1000, one, null);
        assertEquals(15, Scoring.evidence(findingOnly).gainPercent(), 1e-9);
        assertEquals(EvidenceTier.MODEL, Scoring.evidence(findingOnly).tier());
    }

    @Test
    void aWideConfidenceIntervalEarnsLessThanANarrowOne() {
        List<Finding> one = List.of(finding(Pattern.RUST_STATE_LOOP, true));
        ProjectResult narrow = result("n", 1000, one, project(1.10, 1.09, 1.11, Verdict.IMPROVED));
        ProjectResult wide = result("w", 1000, one, project(1.10, 1.00, 1.20, Verdict.WITHIN_NOISE));
        assertTrue(Scoring.score(narrow) > Scoring.score(wide));
        assertEquals(0, Scoring.evidence(wide).gainPercent(), 1e-9);
    }

    @Test
    void unstableAndRegressedMeasurementsEarnNoGain() {
        assertEquals(0, Scoring.gain(1.5, 1.4, 1.6, Verdict.UNSTABLE));
        assertEquals(0, Scoring.gain(0.9, 0.88, 0.92, Verdict.REGRESSED));
    }

    @Test
    void rankingIsDeterministicWithTiesBrokenById() {
        List<ProjectResult> input = new ArrayList<>();
        for (String id : List.of("delta", "alpha", "charlie", "bravo")) {
            input.add(result(id, 100, List.of(finding(Pattern.RUST_STATE_LOOP, true)), null));
        }
        input.add(result("zulu", 10_000_000, List.of(finding(Pattern.RUST_STATE_LOOP, true)),
                project(1.25, 1.2, 1.3, Verdict.IMPROVED)));
        input.add(result("empty", 10_000_000, List.of(), null));
        List<ProjectResult> ranked = Scoring.rank(input);
        assertEquals(List.of("zulu", "alpha", "bravo", "charlie", "delta", "empty"),
                ranked.stream().map(ProjectResult::id).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ranked.stream().map(ProjectResult::rank).toList());
        for (int seed = 0; seed < 5; seed++) {
            List<ProjectResult> shuffled = new ArrayList<>(input);
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(ranked, Scoring.rank(shuffled));
        }
    }
}
