package io.loopscout.runner.stats;

/**
 * A ratio of paired run times with its confidence interval and a two-sided p-value against "no difference"
 * (how it is estimated: {@link PairedEstimator}).
 *
 * @param ratio  base / other: above 1 means the other side is faster
 * @param ciLow  lower bound of the confidence interval
 * @param ciHigh upper bound
 * @param pValue two-sided p-value of the estimator's paired test
 */
public record RatioEstimate(double ratio, double ciLow, double ciHigh, double pValue) {

    /** True when the whole interval lies above 1 (the other side is faster). */
    public boolean entirelyAboveOne() {
        return ciLow > 1;
    }

    /** Relative half-width of the interval: half its width in log space (0.01 is about ±1%). */
    public double halfWidth() {
        return (Math.log(ciHigh) - Math.log(ciLow)) / 2;
    }

    /** True when the whole interval lies below 1 (the other side is slower). */
    public boolean entirelyBelowOne() {
        return ciHigh < 1;
    }
}
