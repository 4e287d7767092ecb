package io.loopscout.runner.stats;

import java.util.Arrays;

/**
 * Ways to estimate the ratio base/other from paired run times, with a confidence interval and a two-sided
 * p-value against "no difference". All but the bootstrap work on the per-pair log ratios ln(base_i / other_i):
 * pairing cancels the slow drift of a shared machine, and the log makes a ratio a difference. Which one the
 * protocol uses was chosen by simulation (PairedEstimatorCalibrationTest): see {@link #PROTOCOL}.
 */
public enum PairedEstimator {
    /** median(base) / median(other), percentile bootstrap over pairs, sign-flip p (the protocol before #19). */
    MEDIAN_RATIO_BOOTSTRAP,
    /** Mean log ratio, Student t interval. */
    MEAN_T,
    /** 20%-trimmed mean log ratio, Yuen's interval (winsorized variance, t with n - 2g - 1 df). */
    TRIMMED_T,
    /** Hodges–Lehmann estimate (median of Walsh averages), Wilcoxon signed-rank interval and p-value. */
    HODGES_LEHMANN,
    /** Median log ratio, order-statistic (sign test) interval and p-value. */
    MEDIAN_SIGN;

    /** The estimator the measurement protocol uses (chosen by PairedEstimatorCalibrationTest; see README). */
    public static final PairedEstimator PROTOCOL = TRIMMED_T;

    private static final double TRIM = 0.2;
    /** Up to this many pairs the signed-rank distribution is computed exactly. */
    private static final int EXACT_SIGNED_RANK = 60;

    /**
     * Estimates base/other over pairs {@code base[i], other[i]} (times of the same round) at {@code confidence}.
     *
     * @throws IllegalArgumentException when the arrays differ in length, are shorter than 2 or hold a
     *                                  non-positive time
     */
    public RatioEstimate estimate(double[] base, double[] other, double confidence) {
        if (this == MEDIAN_RATIO_BOOTSTRAP) {
            return new PairedBootstrap(PairedBootstrap.DEFAULT_RESAMPLES, PairedBootstrap.DEFAULT_SEED, confidence)
                    .estimate(base, other);
        }
        double[] d = logRatios(base, other);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0,1), got " + confidence);
        }
        double alpha = 1 - confidence;
        double[] c = switch (this) {
            case MEAN_T -> meanT(d, alpha);
            case TRIMMED_T -> trimmedT(d, alpha);
            case HODGES_LEHMANN -> hodgesLehmann(d, alpha);
            case MEDIAN_SIGN -> medianSign(d, alpha);
            default -> throw new IllegalStateException(name());
        };
        return new RatioEstimate(Math.exp(c[0]), Math.exp(c[1]), Math.exp(c[2]), c[3]);
    }

    /** ln(base_i / other_i), validated. */
    public static double[] logRatios(double[] base, double[] other) {
        if (base.length != other.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + base.length + " vs "
                    + other.length);
        }
        if (base.length < 2) {
            throw new IllegalArgumentException("need at least 2 pairs, got " + base.length);
        }
        double[] d = new double[base.length];
        for (int i = 0; i < d.length; i++) {
            if (!(base[i] > 0) || !(other[i] > 0)) {
                throw new IllegalArgumentException("pair " + i + " holds a non-positive time");
            }
            d[i] = Math.log(base[i] / other[i]);
        }
        return d;
    }

    private static double[] meanT(double[] d, double alpha) {
        int n = d.length;
        double m = Samples.mean(d);
        double ss = 0;
        for (double x : d) {
            ss += (x - m) * (x - m);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        return tInterval(m, se, n - 1, alpha);
    }

    private static double[] trimmedT(double[] d, double alpha) {
        int n = d.length;
        double[] s = d.clone();
        Arrays.sort(s);
        int g = (int) Math.floor(TRIM * n);
        if (n - 2 * g < 2) {
            return meanT(d, alpha);
        }
        double sum = 0;
        for (int i = g; i < n - g; i++) {
            sum += s[i];
        }
        double tm = sum / (n - 2 * g);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.min(Math.max(s[i], s[g]), s[n - g - 1]);
        }
        double wm = Samples.mean(w);
        double ss = 0;
        for (double x : w) {
            ss += (x - wm) * (x - wm);
        }
        double h = n - 2 * g;
        double se = Math.sqrt(ss / (n - 1)) / ((1 - 2.0 * g / n) * Math.sqrt(n));
        return tInterval(tm, se, h - 1, alpha);
    }

    private static double[] tInterval(double center, double se, double df, double alpha) {
        if (se == 0) {
            return new double[] {center, center, center, center == 0 ? 1 : 0};
        }
        double q = Distributions.tQuantile(1 - alpha / 2, df);
        double p = 2 * (1 - Distributions.tCdf(Math.abs(center) / se, df));
        return new double[] {center, center - q * se, center + q * se, Math.min(1, p)};
    }

    private static double[] hodgesLehmann(double[] d, double alpha) {
        int n = d.length;
        double[] walsh = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[k++] = (d[i] + d[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        int m = walsh.length;
        double center = Samples.quantile(walsh, 0.5);
        // the interval is [W_(c), W_(m+1-c)] with c the largest count such that P(T+ < c) <= alpha/2
        int c = signedRankCritical(n, alpha / 2);
        double lo = c >= 1 ? walsh[c - 1] : walsh[0];
        double hi = c >= 1 ? walsh[m - c] : walsh[m - 1];
        return new double[] {center, lo, hi, signedRankPValue(d)};
    }

    /**
     * The largest c with P(T+ <= c - 1) <= tail for the signed-rank statistic of n pairs (exact up to
     * {@link #EXACT_SIGNED_RANK} pairs, normal approximation with continuity correction beyond); at least 1.
     */
    static int signedRankCritical(int n, double tail) {
        if (n <= EXACT_SIGNED_RANK) {
            double[] cdf = signedRankCdf(n);
            int c = 0;
            while (c < cdf.length && cdf[c] <= tail) {
                c++;
            }
            return Math.max(1, c);
        }
        double mean = n * (n + 1) / 4.0;
        double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24);
        return Math.max(1, (int) Math.floor(mean + Distributions.normalQuantile(tail) * sd + 0.5));
    }

    /** cdf[t] = P(T+ <= t) for n pairs under H0 (all 2^n sign patterns equally likely). */
    private static double[] signedRankCdf(int n) {
        int max = n * (n + 1) / 2;
        double[] count = new double[max + 1];
        count[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int t = max; t >= r; t--) {
                count[t] += count[t - r];
            }
        }
        double total = Math.pow(2, n);
        double[] cdf = new double[max + 1];
        double run = 0;
        for (int t = 0; t <= max; t++) {
            run += count[t];
            cdf[t] = run / total;
        }
        return cdf;
    }

    /** Two-sided Wilcoxon signed-rank p-value; zeros dropped, ties by mid-ranks (then the normal approximation). */
    static double signedRankPValue(double[] d) {
        double[] nz = Arrays.stream(d).filter(x -> x != 0).toArray();
        int n = nz.length;
        if (n == 0) {
            return 1;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(Math.abs(nz[x]), Math.abs(nz[y])));
        double[] rank = new double[n];
        boolean ties = false;
        double tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Math.abs(nz[order[j + 1]]) == Math.abs(nz[order[i]])) {
                j++;
            }
            int t = j - i + 1;
            if (t > 1) {
                ties = true;
                tieTerm += (double) t * t * t - t;
            }
            for (int k = i; k <= j; k++) {
                rank[order[k]] = (i + j + 2) / 2.0;
            }
            i = j + 1;
        }
        double plus = 0;
        for (int i = 0; i < n; i++) {
            if (nz[i] > 0) {
                plus += rank[i];
            }
        }
        double mean = n * (n + 1) / 4.0;
        if (!ties && n <= EXACT_SIGNED_RANK) {
            double[] cdf = signedRankCdf(n);
            int t = (int) Math.round(plus);
            double lower = cdf[Math.min(t, cdf.length - 1)];
            double upper = 1 - (t >= 1 ? cdf[t - 1] : 0);
            return Math.min(1, 2 * Math.min(lower, upper));
        }
        double var = n * (n + 1) * (2.0 * n + 1) / 24 - tieTerm / 48;
        double z = (Math.abs(plus - mean) - 0.5) / Math.sqrt(var);
        return Math.min(1, 2 * (1 - Distributions.normalCdf(Math.max(0, z))));
    }

    private static double[] medianSign(double[] d, double alpha) {
        int n = d.length;
        double[] s = d.clone();
        Arrays.sort(s);
        // P(X <= k - 1) for X ~ Bin(n, 1/2): the interval [s_(k), s_(n+1-k)] has coverage 1 - 2 P(X <= k - 1)
        double[] cdf = new double[n + 1];
        double logHalfN = n * Math.log(0.5);
        double run = 0;
        for (int x = 0; x <= n; x++) {
            run += Math.exp(logChoose(n, x) + logHalfN);
            cdf[x] = run;
        }
        int k = 0;
        while (k < n && cdf[k] <= alpha / 2) {
            k++;
        }
        k = Math.max(1, k);
        int pos = 0;
        int neg = 0;
        for (double x : d) {
            pos += x > 0 ? 1 : 0;
            neg += x < 0 ? 1 : 0;
        }
        int m = pos + neg;
        double p = 1;
        if (m > 0) {
            int lo = Math.min(pos, neg);
            double tail = 0;
            for (int x = 0; x <= lo; x++) {
                tail += Math.exp(logChoose(m, x) + m * Math.log(0.5));
            }
            p = Math.min(1, 2 * tail);
        }
        return new double[] {Samples.median(d), s[k - 1], s[n - k], p};
    }

    private static double logChoose(int n, int k) {
        return Distributions.logGamma(n + 1.0) - Distributions.logGamma(k + 1.0) - Distributions.logGamma(n - k + 1.0);
    }
}
