package io.loopscout.runner.protocol;

import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.VariantStats;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.stats.PairedBootstrap;
import io.loopscout.runner.stats.RatioEstimate;
import io.loopscout.runner.stats.Samples;
import io.loopscout.runner.stats.Verdicts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statistics of one interleaved series against variant A: speed-up estimates (A / X) with bootstrap CIs,
 * the A/A' noise floor, the verdict of B, and the {@link Measurement} record that carries them.
 *
 * @param series    the runs
 * @param estimates A / X for every other variant that has at least two rounds
 */
public record Analysis(Series series, Map<String, RatioEstimate> estimates) {
    private static final String A = Variant.A.label();
    private static final String B = Variant.B.label();
    private static final String D = Variant.D.label();
    private static final String A2 = Variant.A_PRIME.label();

    /** Estimates every variant against A with the protocol's bootstrap. */
    public static Analysis of(Series series) {
        Map<String, RatioEstimate> est = new LinkedHashMap<>();
        if (series.rounds() >= 2 && series.labels().contains(A)) {
            for (String l : series.labels()) {
                if (!l.equals(A)) {
                    est.put(l, PairedBootstrap.standard().estimate(series.of(A), series.of(l)));
                }
            }
        }
        return new Analysis(series, est);
    }

    /** |1 - A/A'|, or null without an A' series. */
    public Double noiseFloor() {
        RatioEstimate aa = estimates.get(A2);
        return aa == null ? null : Math.abs(1 - aa.ratio());
    }

    /** The verdict of {@code label} against A under the A/A' noise floor. */
    public Verdict verdict(String label) {
        RatioEstimate e = estimates.get(label);
        if (e == null && !series.failed()) {
            return Verdict.NOT_MEASURED;
        }
        Double floor = label.equals(A2) ? null : noiseFloor();
        return Verdicts.decide(e, cv(A), cv(label), floor == null ? 0 : floor, series.failed());
    }

    /** Coefficient of variation of one variant's runs. */
    public double cv(String label) {
        return series.labels().contains(label) ? Samples.coefficientOfVariation(series.of(label)) : 0;
    }

    /** The measurement record: B against A, D against A, the A/A' floor, per-variant statistics and counts. */
    public Measurement toMeasurement(EvidenceTier tier, Map<String, CallgrindCounts> counts, String note) {
        RatioEstimate b = estimates.get(B);
        RatioEstimate d = estimates.get(D);
        List<VariantStats> stats = new ArrayList<>();
        for (String l : series.labels()) {
            double[] t = series.of(l);
            CallgrindCounts c = counts.get(l);
            stats.add(new VariantStats(l, t.length, t.length == 0 ? Double.NaN : Samples.median(t), cv(l),
                    c == null ? null : c.instructions(), c == null ? null : c.branches(),
                    c == null ? null : c.mispredictions()));
        }
        List<String> notes = new ArrayList<>();
        if (!note.isEmpty()) {
            notes.add(note);
        }
        notes.add(series.rounds() + " pairs, " + series.timing());
        RatioEstimate aa = estimates.get(A2);
        if (aa != null) {
            notes.add(String.format(Locale.ROOT, "A/A' %.4f [%.4f, %.4f] %s", aa.ratio(), aa.ciLow(), aa.ciHigh(),
                    verdict(A2).id()));
        }
        if (series.failed()) {
            notes.add("run of " + series.failedVariant() + " failed: " + series.failure().detail());
        }
        Verdict v = b == null && !series.failed() ? Verdict.NOT_MEASURED : verdict(B);
        return new Measurement(tier, b == null ? null : b.ratio(), b == null ? null : b.ciLow(),
                b == null ? null : b.ciHigh(), d == null ? null : d.ratio(), noiseFloor(), v,
                b == null ? null : b.pValue(), stats, String.join("; ", notes));
    }
}
