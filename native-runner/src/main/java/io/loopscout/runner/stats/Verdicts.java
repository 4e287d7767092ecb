package io.loopscout.runner.stats;

import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import java.util.ArrayList;
import java.util.List;

/** The verdict rules of shared/measurement.md, and their false-discovery control across a run. */
public final class Verdicts {
    /** Above this coefficient of variation on either side a comparison is unstable. */
    public static final double MAX_CV = 0.10;
    /** The smallest gain or loss ever called a change, whatever the noise floor. */
    public static final double MIN_EFFECT = 0.01;
    /** False discovery rate controlled across a run. */
    public static final double FDR = 0.05;

    private Verdicts() {
    }

    /**
     * The verdict of a variant against A.
     *
     * @param speedup    median(A) / median(variant) with its CI (CI of B/A below 1 ⇔ CI of A/B above 1)
     * @param cvBase     coefficient of variation of A's runs
     * @param cvVariant  coefficient of variation of the variant's runs
     * @param noiseFloor the A/A noise floor |1 - A/A'| (0 when unknown)
     * @param failed     a run failed, timed out or ran out of memory
     */
    public static Verdict decide(RatioEstimate speedup, double cvBase, double cvVariant, double noiseFloor,
                                 boolean failed) {
        if (failed || speedup == null || cvBase > MAX_CV || cvVariant > MAX_CV) {
            return Verdict.UNSTABLE;
        }
        double threshold = Math.max(MIN_EFFECT, noiseFloor);
        double timeRatio = 1 / speedup.ratio(); // B/A: below 1 means B is faster
        if (speedup.entirelyAboveOne() && 1 - timeRatio > threshold) {
            return Verdict.IMPROVED;
        }
        if (speedup.entirelyBelowOne() && timeRatio - 1 > threshold) {
            return Verdict.REGRESSED;
        }
        return Verdict.WITHIN_NOISE;
    }

    /**
     * Benjamini–Hochberg across a run: an improved or regressed verdict whose adjusted p-value exceeds
     * {@link #FDR} becomes within-noise (with a note). Measurements without a p-value pass unchanged and do not
     * count as tests.
     */
    public static List<Measurement> controlFalseDiscoveries(List<Measurement> run) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i).pValue() != null) {
                tested.add(i);
            }
        }
        double[] p = tested.stream().mapToDouble(i -> run.get(i).pValue()).toArray();
        double[] q = BenjaminiHochberg.adjust(p);
        List<Measurement> out = new ArrayList<>(run);
        for (int k = 0; k < tested.size(); k++) {
            Measurement m = run.get(tested.get(k));
            boolean change = m.verdict() == Verdict.IMPROVED || m.verdict() == Verdict.REGRESSED;
            if (change && q[k] > FDR) {
                String note = (m.note().isEmpty() ? "" : m.note() + "; ")
                        + String.format(java.util.Locale.ROOT, "%s dropped by Benjamini-Hochberg (q=%.3g over %d tests)",
                        m.verdict().id(), q[k], p.length);
                out.set(tested.get(k), new Measurement(m.tier(), m.speedup(), m.ciLow(), m.ciHigh(),
                        m.llvmFlagSpeedup(), m.aaNoise(), Verdict.WITHIN_NOISE, m.pValue(), m.variants(), note));
            }
        }
        return out;
    }
}
