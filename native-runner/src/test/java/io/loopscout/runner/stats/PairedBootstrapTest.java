package io.loopscout.runner.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    @Test
    void constantSamplesGiveAPointInterval() {
        double[] a = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        double[] b = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        RatioEstimate e = PairedBootstrap.standard().estimate(a, b);
        assertEquals(2.0, e.ratio(), 1e-12);
        assertEquals(2.0, e.ciLow(), 1e-12);
        assertEquals(2.0, e.ciHigh(), 1e-12);
        // all ten log ratios positive: exactly 2 of the 1024 sign patterns are as extreme
        assertEquals(2.0 / 1024, e.pValue(), 1e-12);
    }

    @Test
    void ratioIsOfMediansNotMeans() {
        double[] a = {1, 1, 1, 100};      // median 1
        double[] b = {0.5, 0.5, 0.5, 0.5}; // median 0.5
        assertEquals(2.0, PairedBootstrap.standard().estimate(a, b).ratio(), 1e-12);
    }

    @Test
    void exactSignFlipPValueForFivePairs() {
        double[] a = {1.1, 1.2, 1.05, 1.3, 1.15};
        double[] b = {1, 1, 1, 1, 1};
        // all positive: 2 of 32 sign patterns reach |sum| >= observed
        assertEquals(2.0 / 32, PairedBootstrap.standard().estimate(a, b).pValue(), 1e-12);
    }

    @Test
    void seededAndDeterministic() {
        double[][] s = noisy(new SplittableRandom(7), 20, 1.0, 0.05);
        RatioEstimate x = PairedBootstrap.standard().estimate(s[0], s[1]);
        RatioEstimate y = PairedBootstrap.standard().estimate(s[0], s[1]);
        assertEquals(x, y);
    }

    @Test
    void detectsATenPercentSpeedupWithLowNoise() {
        double[][] s = noisy(new SplittableRandom(11), 20, 1.10, 0.01);
        RatioEstimate e = PairedBootstrap.standard().estimate(s[0], s[1]);
        assertTrue(e.ciLow() > 1.05 && e.ciHigh() < 1.15, e.toString());
        assertTrue(e.ciLow() <= e.ratio() && e.ratio() <= e.ciHigh());
        assertTrue(e.pValue() < 0.001, e.toString());
    }

    @Test
    void intervalCoversTheTrueRatioMostOfTheTime() {
        // 200 simulated A/A experiments (true ratio 1): the 95% percentile interval must cover 1 in most;
        // the median's bootstrap is a little anti-conservative for n=20, so accept 85%.
        SplittableRandom rnd = new SplittableRandom(2024);
        PairedBootstrap boot = new PairedBootstrap(2000, 1, 0.95);
        int covered = 0;
        for (int k = 0; k < 200; k++) {
            double[][] s = noisy(rnd, 20, 1.0, 0.03);
            RatioEstimate e = boot.estimate(s[0], s[1]);
            if (e.ciLow() <= 1 && 1 <= e.ciHigh()) {
                covered++;
            }
        }
        assertTrue(covered >= 170, "covered " + covered + "/200");
    }

    @Test
    void rejectsBadInput() {
        PairedBootstrap b = PairedBootstrap.standard();
        assertThrows(IllegalArgumentException.class, () -> b.estimate(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> b.estimate(new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> b.estimate(new double[] {1, 0}, new double[] {1, 1}));
    }

    /** Pairs of run times: base ~ 1 s, other = base / ratio, each with independent multiplicative noise. */
    static double[][] noisy(SplittableRandom rnd, int n, double ratio, double sigma) {
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.exp(sigma * gaussian(rnd));
            b[i] = Math.exp(sigma * gaussian(rnd)) / ratio;
        }
        return new double[][] {a, b};
    }

    static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
