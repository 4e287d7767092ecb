package io.loopscout.runner.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void adjustsLikeRPAdjustBH() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") == c(0.02, 0.04, 0.04, 0.02)
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
                BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    }

    @Test
    void monotoneStepUpCapsAtOne() {
        // sorted p*m/rank = 0.9*3/1=2.7 -> capped; here p = {0.5, 0.9, 0.6}: 0.5*3/1=1.5, 0.6*3/2=0.9, 0.9*3/3=0.9
        assertArrayEquals(new double[] {0.9, 0.9, 0.9},
                BenjaminiHochberg.adjust(new double[] {0.5, 0.9, 0.6}), 1e-12);
        assertArrayEquals(new double[] {1.0}, BenjaminiHochberg.adjust(new double[] {1.0}), 1e-12);
    }

    @Test
    void discoveriesAtAlpha() {
        // m=5, alpha=0.05: thresholds 0.01,0.02,0.03,0.04,0.05; largest k with p(k) <= k*alpha/m is k=3 (0.029)
        double[] p = {0.029, 0.2, 0.001, 0.018, 0.045};
        assertArrayEquals(new boolean[] {true, false, true, true, false},
                BenjaminiHochberg.discoveries(p, 0.05));
    }

    @Test
    void rejectsOutOfRangeP() {
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {0.1, 1.5}));
    }
}
