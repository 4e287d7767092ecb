package io.loopscout.runner.stats;

import io.loopscout.runner.Instability;
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
    /**
     * A within-noise verdict needs a CI at least this narrow (±2%, twice the smallest change reported): a wider
     * one says nothing about changes of the size loopscout reports, and is unstable (not converged).
     */
    public static final double WITHIN_NOISE_HALF_WIDTH = 0.02;
    /**
     * A change must also exceed this many times the comparison's own 95% CI half-width (z(0.995) / z(0.975):
     * the 99% half-width). Sampling stops at ±0.6% normally and then 1% is the larger bar; a comparison the time
     * budget stopped with a wide interval must clear its own noise too, or its false-verdict rate climbs to the
     * interval's 5% (SequentialDecisionCalibrationTest).
     */
    public static final double OWN_NOISE_FACTOR = 2.5758 / 1.9600;
    /** False discovery rate controlled across a run. */
    public static final double FDR = 0.05;

    private Verdicts() {
    }

    /**
     * A verdict and, when it is unstable, why.
     *
     * @param verdict the verdict
     * @param why     the reason of an unstable verdict, else null
     */
    public record Judgement(Verdict verdict, Instability why) {
        public Judgement {
            if ((verdict == Verdict.UNSTABLE) != (why != null)) {
                throw new IllegalArgumentException("an unstable verdict, and only that, carries a reason: " + verdict);
            }
        }
    }

    /**
     * The verdict of a variant against A.
     *
     * @param variant         the variant's label (named in the reason)
     * @param speedup         A / variant with its CI (CI of B/A below 1 ⇔ CI of A/B above 1), or null when
     *                        there are not enough pairs
     * @param cvBase          coefficient of variation of A's runs
     * @param cvVariant       coefficient of variation of the variant's runs
     * @param noiseFloor      the A/A noise floor |1 - A/A'| (0 when unknown)
     * @param broken          why the series cannot be judged at all (a failed run, too many disturbed pairs), or null
     * @param maxHalfWidth    a within-noise verdict needs an interval at least this narrow (else: unstable,
     *                        not converged)
     */
    public static Judgement judge(String variant, RatioEstimate speedup, double cvBase, double cvVariant,
                                  double noiseFloor, Instability broken, double maxHalfWidth) {
        if (broken != null) {
            return new Judgement(Verdict.UNSTABLE, broken);
        }
        if (speedup == null) {
            return new Judgement(Verdict.UNSTABLE, new Instability(Instability.Kind.DISTURBED, variant, 1, 0.5, ""));
        }
        if (cvBase > MAX_CV || cvVariant > MAX_CV) {
            boolean base = cvBase >= cvVariant;
            return new Judgement(Verdict.UNSTABLE, new Instability(Instability.Kind.HIGH_CV, base ? "A" : variant,
                    base ? cvBase : cvVariant, MAX_CV, ""));
        }
        double threshold = Math.max(Math.max(MIN_EFFECT, noiseFloor), OWN_NOISE_FACTOR * speedup.halfWidth());
        double timeRatio = 1 / speedup.ratio(); // B/A: below 1 means B is faster
        if (speedup.entirelyAboveOne() && 1 - timeRatio > threshold) {
            return new Judgement(Verdict.IMPROVED, null);
        }
        if (speedup.entirelyBelowOne() && timeRatio - 1 > threshold) {
            return new Judgement(Verdict.REGRESSED, null);
        }
        // "no change" is a claim too: only with an interval narrow enough to back it
        if (speedup.halfWidth() > maxHalfWidth) {
            return new Judgement(Verdict.UNSTABLE, new Instability(Instability.Kind.NOT_CONVERGED, variant,
                    speedup.halfWidth(), maxHalfWidth, ""));
        }
        return new Judgement(Verdict.WITHIN_NOISE, null);
    }

    /**
     * The verdict of a variant against A, without a half-width requirement (any interval may say within-noise).
     *
     * @param failed a run failed, timed out or ran out of memory
     */
    public static Verdict decide(RatioEstimate speedup, double cvBase, double cvVariant, double noiseFloor,
                                 boolean failed) {
        Instability broken = failed ? new Instability(Instability.Kind.RUN_FAILED, "", Double.NaN, Double.NaN, "")
                : null;
        return judge("", speedup, cvBase, cvVariant, noiseFloor, broken, Double.POSITIVE_INFINITY).verdict();
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
                out.set(tested.get(k), m.withVerdict(Verdict.WITHIN_NOISE, note));
            }
        }
        return out;
    }
}
