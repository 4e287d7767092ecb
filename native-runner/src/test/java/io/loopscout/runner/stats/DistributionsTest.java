package io.loopscout.runner.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reference values from statistical tables (R: qt, pt, qnorm). */
class DistributionsTest {
    @Test
    void studentTQuantilesMatchTables() {
        assertEquals(12.706205, Distributions.tQuantile(0.975, 1), 1e-5);
        assertEquals(2.228139, Distributions.tQuantile(0.975, 10), 1e-6);
        assertEquals(2.093024, Distributions.tQuantile(0.975, 19), 1e-6);
        assertEquals(-2.570582, Distributions.tQuantile(0.025, 5), 1e-6);
        assertEquals(1.983972, Distributions.tQuantile(0.975, 100), 1e-6);
    }

    @Test
    void studentTCdfMatchesTables() {
        assertEquals(0.9633060, Distributions.tCdf(2.0, 10), 1e-6);
        assertEquals(0.5, Distributions.tCdf(0, 3), 1e-12);
        assertEquals(0.0477330, Distributions.tCdf(-3.0, 2), 1e-6); // df 2: 1/2 + t / (2 sqrt(2 + t^2))
    }

    @Test
    void normalQuantileAndCdf() {
        assertEquals(1.959964, Distributions.normalQuantile(0.975), 1e-6);
        assertEquals(-2.326348, Distributions.normalQuantile(0.01), 1e-6);
        assertEquals(0.9750021, Distributions.normalCdf(1.96), 1e-6);
    }
}
