package io.loopscout.runner.stats;

import java.util.Arrays;

/** Order statistics of a sample of run times: median, mean, coefficient of variation. */
public final class Samples {
    private Samples() {
    }

    /** The median (mean of the two middle values for an even count); NaN for an empty sample. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /** The arithmetic mean; NaN for an empty sample. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation divided by the mean (0 for fewer than two values). */
    public static double coefficientOfVariation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1)) / mean;
    }

    /** The q-quantile (0..1) by linear interpolation between order statistics (R type 7). */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
