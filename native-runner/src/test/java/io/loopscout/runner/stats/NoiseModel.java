package io.loopscout.runner.stats;

import java.util.SplittableRandom;

/**
 * Simulated run-time noise for the statistics' calibration tests: each run's time is its true time times a
 * random factor. Seeded, so every test is a deterministic simulation.
 */
public enum NoiseModel {
    /** Log-normal noise, 2% per run: a quiet machine. */
    NORMAL,
    /** 1% log-normal plus load spikes: 15% of runs slowed by 5–40% (one-sided, like a preempted run). */
    SPIKES,
    /** Heavy tails: t-distributed log noise with 3 degrees of freedom, scale 1.5%. */
    HEAVY,
    /** Log-normal noise, 6% per run: a busy machine, even on the CPU clock. */
    NOISY,
    /** 1% log-normal on top of a drift shared by both runs of a pair (a machine whose load changes slowly). */
    DRIFT;

    /** One run's time factor in round {@code round}. */
    public double factor(SplittableRandom rnd, int round) {
        return switch (this) {
            case NORMAL -> Math.exp(0.02 * gaussian(rnd));
            case NOISY -> Math.exp(0.06 * gaussian(rnd));
            case SPIKES -> Math.exp(0.01 * gaussian(rnd)) * (rnd.nextDouble() < 0.15 ? 1.05 + 0.35 * rnd.nextDouble() : 1);
            case HEAVY -> Math.exp(0.015 * studentT3(rnd));
            case DRIFT -> Math.exp(0.01 * gaussian(rnd)) * (1 + 0.3 * Math.sin(round / 3.0));
        };
    }

    /**
     * {@code pairs} interleaved rounds: s[0] is the base (true time 1), s[1] the other side with true time
     * {@code ratio} (so base/other = 1/ratio).
     */
    public double[][] series(SplittableRandom rnd, int pairs, double ratio) {
        double[][] s = new double[2][pairs];
        for (int i = 0; i < pairs; i++) {
            s[0][i] = factor(rnd, i);
            s[1][i] = ratio * factor(rnd, i);
        }
        return s;
    }

    /** A standard normal draw (Box–Muller). */
    public static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double studentT3(SplittableRandom rnd) {
        double z = gaussian(rnd);
        double chi = 0;
        for (int i = 0; i < 3; i++) {
            double g = gaussian(rnd);
            chi += g * g;
        }
        return z / Math.sqrt(chi / 3);
    }
}
