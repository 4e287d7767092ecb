package io.loopscout.runner.protocol;

import io.loopscout.runner.sandbox.SandboxResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs variants in alternating order (A B, B A, A B, ... for two; forward and reversed rounds for more) after
 * warm-ups, until the protocol's minimum pairs and time per variant are reached. A failed run stops the rounds.
 */
public final class InterleavedRuns {
    private InterleavedRuns() {
    }

    /** Runs {@code variants} (label to one sandboxed run) under {@code protocol}. */
    public static Series run(Protocol protocol, LinkedHashMap<String, Supplier<SandboxResult>> variants) {
        List<String> labels = new ArrayList<>(variants.keySet());
        for (int w = 0; w < protocol.warmups(); w++) {
            for (String l : labels) {
                SandboxResult r = variants.get(l).get();
                if (!r.ok()) {
                    return new Series(labels, new double[labels.size()][0], false, l, r);
                }
            }
        }
        List<double[]> rounds = new ArrayList<>();
        double[] total = new double[labels.size()];
        boolean harness = true;
        boolean cpu = protocol.clock() == Timing.Clock.CPU;
        long start = System.nanoTime();
        for (int round = 0; round < protocol.maxRounds(); round++) {
            if (round >= protocol.minPairs()) {
                boolean enough = Arrays.stream(total).allMatch(t -> t >= protocol.minTimePerVariant().toNanos() / 1e9);
                boolean outOfTime = System.nanoTime() - start > protocol.maxTotal().toNanos();
                if (enough || outOfTime) {
                    break;
                }
            }
            double[] times = new double[labels.size()];
            for (int k = 0; k < labels.size(); k++) {
                int v = round % 2 == 0 ? k : labels.size() - 1 - k;
                SandboxResult r = variants.get(labels.get(v)).get();
                if (!r.ok()) {
                    return new Series(labels, transpose(rounds, labels.size()), harness, labels.get(v), r, cpu);
                }
                harness &= Timing.harnessSeconds(r.log()) != null;
                cpu &= r.cpu() != null;
                times[v] = Timing.seconds(r, protocol.clock());
                total[v] += times[v];
            }
            rounds.add(times);
        }
        return new Series(labels, transpose(rounds, labels.size()), harness, null, null, cpu);
    }

    private static double[][] transpose(List<double[]> rounds, int variants) {
        double[][] out = new double[variants][rounds.size()];
        for (int r = 0; r < rounds.size(); r++) {
            for (int v = 0; v < variants; v++) {
                out[v][r] = rounds.get(r)[v];
            }
        }
        return out;
    }
}
