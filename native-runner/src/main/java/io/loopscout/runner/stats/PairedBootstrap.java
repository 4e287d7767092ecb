package io.loopscout.runner.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Speed-up of paired runs: median(base) / median(other) with a percentile bootstrap CI over the pairs
 * (shared/measurement.md, protocol step 5) and a sign-flip permutation p-value on the per-pair log ratios.
 * Seeded, so the same runs always give the same interval.
 */
public final class PairedBootstrap {
    /** Resamples used by the measurement protocol. */
    public static final int DEFAULT_RESAMPLES = 10_000;
    /** Seed used by the measurement protocol. */
    public static final long DEFAULT_SEED = 0x100B5C0L;

    private final int resamples;
    private final long seed;
    private final double confidence;

    /** A bootstrap with the given number of resamples, seed and confidence level (e.g. 0.95). */
    public PairedBootstrap(int resamples, long seed, double confidence) {
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples must be at least 100, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0,1), got " + confidence);
        }
        this.resamples = resamples;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** The protocol's bootstrap: 10,000 resamples, fixed seed, 95%. */
    public static PairedBootstrap standard() {
        return new PairedBootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED, 0.95);
    }

    /**
     * Estimates median(base) / median(other) over pairs {@code base[i], other[i]} (times, same round).
     *
     * @throws IllegalArgumentException when the arrays differ in length, are shorter than 2 or hold a
     *                                  non-positive time
     */
    public RatioEstimate estimate(double[] base, double[] other) {
        if (base.length != other.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + base.length + " vs "
                    + other.length);
        }
        if (base.length < 2) {
            throw new IllegalArgumentException("need at least 2 pairs, got " + base.length);
        }
        for (int i = 0; i < base.length; i++) {
            if (!(base[i] > 0) || !(other[i] > 0)) {
                throw new IllegalArgumentException("pair " + i + " holds a non-positive time");
            }
        }
        int n = base.length;
        double ratio = Samples.median(base) / Samples.median(other);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int k = rnd.nextInt(n);
                a[i] = base[k];
                b[i] = other[k];
            }
            stats[r] = Samples.median(a) / Samples.median(b);
        }
        Arrays.sort(stats);
        double alpha = 1 - confidence;
        return new RatioEstimate(ratio, Samples.quantile(stats, alpha / 2), Samples.quantile(stats, 1 - alpha / 2),
                signFlipPValue(base, other, rnd));
    }

    /**
     * Two-sided p-value of H0 "each pair's log ratio is symmetric around 0": exact over all sign patterns
     * for up to 16 pairs, else Monte Carlo with {@code resamples} random sign flips (with the +1 correction).
     */
    private double signFlipPValue(double[] base, double[] other, SplittableRandom rnd) {
        int n = base.length;
        double[] d = new double[n];
        double observed = 0;
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(base[i] / other[i]);
            observed += d[i];
        }
        double obs = Math.abs(observed) - 1e-12 * (1 + Math.abs(observed));
        if (n <= 16) {
            long extreme = 0;
            long total = 1L << n;
            for (long mask = 0; mask < total; mask++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += ((mask >>> i) & 1) == 0 ? d[i] : -d[i];
                }
                if (Math.abs(s) >= obs) {
                    extreme++;
                }
            }
            return (double) extreme / total;
        }
        long extreme = 0;
        for (int r = 0; r < resamples; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += rnd.nextBoolean() ? d[i] : -d[i];
            }
            if (Math.abs(s) >= obs) {
                extreme++;
            }
        }
        return (extreme + 1.0) / (resamples + 1.0);
    }
}
