package io.loopscout.pipeline.score;

import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.report.ProjectResult;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores and ranks projects by how much they would gain from {@code #[loop_match]} and how many people that
 * reaches. The formula is {@link #FORMULA}; the README and the HTML report show the same text.
 */
public final class Scoring {

    /** The formula, as documentation for people (README, report.html). */
    public static final String FORMULA = """
            score = P × (log2(1 + F) + E × G / 2), rounded to 3 decimals; rank by score, ties by project id.
              P = 1 + log10(1 + reach), reach = max(crates.io downloads, 1000 × stars) (the popularity column)
              F = Σ over findings of weight × confidence: weight 3 for an eligible (rewritable) loop,
                  1 for any other state machine, 0.5 for a dispatch loop, 0.25 for a loop already #[loop_match];
                  confidence 1, or 0.5 for a low-confidence finding (macros, parse errors)
              G = max(0, 100 × (s − 1 − w / 2)): the speed-up s = A/B in percent, less half the width w of its
                  95% CI (w = s − 1 when no CI is known); 0 when the measurement is unstable
              E = evidence tier weight: 1 for the project's own benchmark, 0.5 for the model kernel, 0 for static
            (s is the project-tier speed-up when measured, else the model-tier one.)""";

    static final double WEIGHT_ELIGIBLE = 3;
    static final double WEIGHT_STATE_MACHINE = 1;
    static final double WEIGHT_DISPATCH = 0.5;
    static final double WEIGHT_ADOPTED = 0.25;
    static final double LOW_CONFIDENCE = 0.5;

    private Scoring() {
    }

    /**
     * The results with score and rank filled, best first. Deterministic: same inputs, same ranking; equal scores
     * are ordered by project id, and every project gets its own rank (1, 2, 3, ...).
     */
    public static List<ProjectResult> rank(List<ProjectResult> results) {
        List<ProjectResult> scored = new ArrayList<>();
        for (ProjectResult r : results) {
            scored.add(r.withScore(score(r), 0));
        }
        scored.sort(Comparator.comparingDouble(ProjectResult::score).reversed().thenComparing(ProjectResult::id));
        List<ProjectResult> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            ranked.add(scored.get(i).withScore(scored.get(i).score(), i + 1));
        }
        return List.copyOf(ranked);
    }

    /** The score of one project, rounded to 3 decimals (so ties do not hinge on the last bits of a double). */
    public static double score(ProjectResult r) {
        double popularity = 1 + Math.log10(1 + (double) r.reach());
        double findings = 0;
        for (Finding f : r.findings()) {
            findings += findingWeight(f);
        }
        Evidence ev = evidence(r);
        double raw = popularity * (log2(1 + findings) + ev.tierWeight() * ev.gainPercent() / 2);
        return BigDecimal.valueOf(raw).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** A finding's weight in F: what it promises, times how sure the extractor is. */
    static double findingWeight(Finding f) {
        double w;
        if (f.pattern() == Pattern.RUST_LOOP_MATCH) {
            w = WEIGHT_ADOPTED;
        } else if (Boolean.TRUE.equals(f.eligible())) {
            w = WEIGHT_ELIGIBLE;
        } else if (f.pattern() == Pattern.RUST_DISPATCH_LOOP || f.pattern() == Pattern.C_DISPATCH_LOOP) {
            w = WEIGHT_DISPATCH;
        } else {
            w = WEIGHT_STATE_MACHINE;
        }
        return f.confidence() == Finding.Confidence.LOW ? w * LOW_CONFIDENCE : w;
    }

    /** The evidence a score rests on: its tier's weight E and the credited gain G in percent. */
    record Evidence(EvidenceTier tier, double tierWeight, double gainPercent) {
    }

    /** The best evidence of a result: its project-tier speed-up, else its model-tier one, else none. */
    static Evidence evidence(ProjectResult r) {
        Measurement m = r.measurement();
        if (r.measuredSpeedup() != null) {
            return new Evidence(EvidenceTier.PROJECT, 1.0, gain(r.measuredSpeedup(), m.ciLow(), m.ciHigh(),
                    m.verdict()));
        }
        Double model = r.modelSpeedup();
        if (model != null) {
            boolean fromMeasurement = m.tier() == EvidenceTier.MODEL && model.equals(m.speedup());
            return new Evidence(EvidenceTier.MODEL, 0.5, fromMeasurement
                    ? gain(model, m.ciLow(), m.ciHigh(), m.verdict())
                    : gain(model, null, null, null));
        }
        return new Evidence(EvidenceTier.STATIC, 0, 0);
    }

    /** G: the speed-up in percent less half its CI width (half the gain itself when no CI); never negative. */
    static double gain(double speedup, Double ciLow, Double ciHigh, Verdict verdict) {
        if (verdict == Verdict.UNSTABLE || Double.isNaN(speedup) || Double.isInfinite(speedup)) {
            return 0;
        }
        double width = ciLow != null && ciHigh != null ? Math.abs(ciHigh - ciLow) : speedup - 1;
        return Math.max(0, 100 * (speedup - 1 - width / 2));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
