package io.loopscout.runner.protocol;

import io.loopscout.runner.Decision;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Instability;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.VariantStats;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.stats.PairedEstimator;
import io.loopscout.runner.stats.RatioEstimate;
import io.loopscout.runner.stats.Samples;
import io.loopscout.runner.stats.Verdicts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statistics of one interleaved series against variant A: speed-up estimates (A / X) with 95% intervals by
 * {@link PairedEstimator#PROTOCOL} over the undisturbed pairs, the A/A' noise floor, the verdicts with their
 * reasons, and the {@link Measurement} record that carries them.
 *
 * @param series          the runs, every round
 * @param kept            the rounds analysed (disturbed pairs dropped)
 * @param estimates       A / X for every other variant, when at least two rounds are kept
 * @param targetHalfWidth the CI half-width sampling aimed for
 */
public record Analysis(Series series, Series kept, Map<String, RatioEstimate> estimates, double targetHalfWidth) {
    private static final String A = Variant.A.label();
    private static final String B = Variant.B.label();
    private static final String D = Variant.D.label();
    private static final String A2 = Variant.A_PRIME.label();
    /** Above this fraction of dropped pairs the series is unstable: disturbed by load. */
    static final double MAX_DISTURBED = 0.5;

    /** Estimates every variant against A over every pair, with the default target half-width. */
    public static Analysis of(Series series) {
        return of(series, Protocol.TARGET_HALF_WIDTH, 1);
    }

    /** Estimates every variant against A under {@code protocol}'s target and disturbance filter. */
    public static Analysis of(Series series, Protocol protocol) {
        return of(series, protocol.targetHalfWidth(), protocol.maxOffCpu());
    }

    private static Analysis of(Series series, double target, double maxOffCpu) {
        Series kept = series.only(series.undisturbed(maxOffCpu));
        Map<String, RatioEstimate> est = new LinkedHashMap<>();
        if (kept.rounds() >= 2 && kept.labels().contains(A)) {
            for (String l : kept.labels()) {
                if (!l.equals(A)) {
                    est.put(l, PairedEstimator.PROTOCOL.estimate(kept.of(A), kept.of(l), 0.95));
                }
            }
        }
        return new Analysis(series, kept, est, target);
    }

    /** The widest CI half-width among the comparisons with A (infinite without estimates). */
    public double maxHalfWidth() {
        return estimates.values().stream().mapToDouble(RatioEstimate::halfWidth).max()
                .orElse(Double.POSITIVE_INFINITY);
    }

    /** True when every comparison with A has reached the target half-width. */
    public boolean converged() {
        return maxHalfWidth() <= targetHalfWidth;
    }

    /** |1 - A/A'|, or null without an A' series. */
    public Double noiseFloor() {
        RatioEstimate aa = estimates.get(A2);
        return aa == null ? null : Math.abs(1 - aa.ratio());
    }

    /** The verdict of {@code label} against A under the A/A' noise floor. */
    public Verdict verdict(String label) {
        return judgement(label).verdict();
    }

    /** The verdict of {@code label} against A with the reason when it is unstable. */
    public Verdicts.Judgement judgement(String label) {
        RatioEstimate e = estimates.get(label);
        if (e == null && !series.failed() && !disturbed()) {
            return new Verdicts.Judgement(Verdict.NOT_MEASURED, null);
        }
        Double floor = label.equals(A2) ? null : noiseFloor();
        return Verdicts.judge(label, e, cv(A), cv(label), floor == null ? 0 : floor, broken(),
                Math.max(targetHalfWidth, Verdicts.WITHIN_NOISE_HALF_WIDTH));
    }

    /** Why no variant can be judged: a failed run, or too many pairs disturbed by load; else null. */
    private Instability broken() {
        if (series.failed()) {
            return Instability.ofRun(series.failedVariant(), series.failure());
        }
        if (disturbed()) {
            return new Instability(Instability.Kind.DISTURBED, "", droppedFraction(), MAX_DISTURBED, "");
        }
        return null;
    }

    private boolean disturbed() {
        return series.rounds() > 0 && (kept.rounds() < 2 || droppedFraction() > MAX_DISTURBED);
    }

    private double droppedFraction() {
        return series.rounds() == 0 ? 0 : 1 - (double) kept.rounds() / series.rounds();
    }

    /** Coefficient of variation of one variant's kept runs. */
    public double cv(String label) {
        return kept.labels().contains(label) ? Samples.coefficientOfVariation(kept.of(label)) : 0;
    }

    /** How sampling ended and, for {@code label}'s verdict, why it is unstable. */
    public Decision decision(String label) {
        return new Decision(series.stop(), kept.rounds(), series.rounds() - kept.rounds(),
                estimates.isEmpty() ? Double.NaN : maxHalfWidth(), targetHalfWidth, series.elapsed(),
                series.clock(), judgement(label).why());
    }

    /** The measurement record: B against A, D against A, the A/A' floor, per-variant statistics and counts. */
    public Measurement toMeasurement(EvidenceTier tier, Map<String, CallgrindCounts> counts, String note) {
        RatioEstimate b = estimates.get(B);
        RatioEstimate d = estimates.get(D);
        List<VariantStats> stats = new ArrayList<>();
        for (String l : kept.labels()) {
            double[] t = kept.of(l);
            CallgrindCounts c = counts.get(l);
            stats.add(new VariantStats(l, t.length, t.length == 0 ? Double.NaN : Samples.median(t), cv(l),
                    c == null ? null : c.instructions(), c == null ? null : c.branches(),
                    c == null ? null : c.mispredictions()));
        }
        List<String> notes = new ArrayList<>();
        if (!note.isEmpty()) {
            notes.add(note);
        }
        notes.add(series.timing());
        RatioEstimate aa = estimates.get(A2);
        if (aa != null) {
            notes.add(String.format(Locale.ROOT, "A/A' %.4f [%.4f, %.4f] %s", aa.ratio(), aa.ciLow(), aa.ciHigh(),
                    verdict(A2).id()));
        }
        if (series.failed()) {
            notes.add("run of " + series.failedVariant() + " failed: " + series.failure().detail());
        }
        boolean bMeasured = series.labels().contains(B) || series.failed();
        Verdicts.Judgement j = bMeasured ? judgement(B) : new Verdicts.Judgement(Verdict.NOT_MEASURED, null);
        Decision decision = series.rounds() == 0 && !series.failed() ? null : decision(bMeasured ? B : A2)
                .withInstability(j.why());
        if (decision != null) {
            notes.add(decision.text());
        }
        return new Measurement(tier, b == null ? null : b.ratio(), b == null ? null : b.ciLow(),
                b == null ? null : b.ciHigh(), d == null ? null : d.ratio(), noiseFloor(), j.verdict(),
                b == null ? null : b.pValue(), stats, String.join("; ", notes), decision);
    }
}
