package io.loopscout.runner.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Benjamini–Hochberg control of the false discovery rate across the tests of one run. */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * BH-adjusted p-values (q-values), in the input's order: q(i) = min over j ranked at or after i of
     * p(j) * m / rank(j), capped at 1.
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " is not in [0,1]: " + pValues[i]);
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            q[i] = running;
        }
        return q;
    }

    /** Which tests are discoveries at false discovery rate {@code alpha}. */
    public static boolean[] discoveries(double[] pValues, double alpha) {
        double[] q = adjust(pValues);
        boolean[] out = new boolean[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = q[i] <= alpha;
        }
        return out;
    }
}
