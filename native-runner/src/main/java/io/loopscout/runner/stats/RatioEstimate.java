package io.loopscout.runner.stats;

/**
 * A ratio of medians with its bootstrap confidence interval and a two-sided p-value against "no difference".
 *
 * @param ratio  median(base) / median(other): above 1 means the other side is faster
 * @param ciLow  lower bound of the confidence interval
 * @param ciHigh upper bound
 * @param pValue two-sided p-value of the paired sign-flip test on log ratios
 */
public record RatioEstimate(double ratio, double ciLow, double ciHigh, double pValue) {

    /** True when the whole interval lies above 1 (the other side is faster). */
    public boolean entirelyAboveOne() {
        return ciLow > 1;
    }

    /** True when the whole interval lies below 1 (the other side is slower). */
    public boolean entirelyBelowOne() {
        return ciHigh < 1;
    }
}
