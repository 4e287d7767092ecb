package io.loopscout.runner.protocol;

import io.loopscout.runner.Decision;
import io.loopscout.runner.sandbox.SandboxResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs variants in alternating order (A B, B A, A B, ... for two; forward and reversed rounds for more) after
 * warm-ups. Sequential: once the protocol's minimum pairs and time per variant are reached, rounds go on until
 * every comparison with A has a CI within the target half-width, the time budget runs out, or the maximum
 * rounds are reached; the series records which. A failed run stops the rounds.
 */
public final class InterleavedRuns {
    private InterleavedRuns() {
    }

    /** Runs {@code variants} (label to one sandboxed run) under {@code protocol}. */
    public static Series run(Protocol protocol, LinkedHashMap<String, Supplier<SandboxResult>> variants) {
        return run(protocol, variants, System::nanoTime);
    }

    /** Like {@link #run(Protocol, LinkedHashMap)} with {@code nanoClock} measuring the time budget. */
    public static Series run(Protocol protocol, LinkedHashMap<String, Supplier<SandboxResult>> variants,
                             LongSupplier nanoClock) {
        List<String> labels = new ArrayList<>(variants.keySet());
        int n = labels.size();
        for (int w = 0; w < protocol.warmups(); w++) {
            for (String l : labels) {
                SandboxResult r = variants.get(l).get();
                if (!r.ok()) {
                    return new Series(labels, new double[n][0], false, l, r, false, new double[n][0],
                            Decision.Stop.RUN_FAILED, 0);
                }
            }
        }
        List<double[]> rounds = new ArrayList<>();
        List<double[]> offCpu = new ArrayList<>();
        double[] total = new double[n];
        boolean harness = true;
        boolean cpu = protocol.clock() == Timing.Clock.CPU;
        long start = nanoClock.getAsLong();
        Decision.Stop stop = Decision.Stop.MAX_ROUNDS;
        long lastRound = 0;
        for (int round = 0; round < protocol.maxRounds(); round++) {
            if (round >= protocol.minPairs()
                    && Arrays.stream(total).allMatch(t -> t >= protocol.minTimePerVariant().toNanos() / 1e9)) {
                Series sofar = series(labels, rounds, offCpu, harness, cpu, null, null, stop, 0);
                if (Analysis.of(sofar, protocol).converged()) {
                    stop = Decision.Stop.CONVERGED;
                    break;
                }
            }
            // stop before a round that would overrun the budget (judged by the last round's length), so that a
            // decision never measures for longer than the budget
            long now = nanoClock.getAsLong();
            if (round >= protocol.minPairs() && now - start + lastRound > protocol.maxTotal().toNanos()) {
                stop = Decision.Stop.TIME_BUDGET;
                break;
            }
            double[] times = new double[n];
            double[] off = new double[n];
            for (int k = 0; k < n; k++) {
                int v = round % 2 == 0 ? k : n - 1 - k;
                SandboxResult r = variants.get(labels.get(v)).get();
                if (!r.ok()) {
                    return series(labels, rounds, offCpu, harness, cpu, labels.get(v), r, Decision.Stop.RUN_FAILED,
                            (nanoClock.getAsLong() - start) / 1e9);
                }
                harness &= Timing.harnessSeconds(r.log()) != null;
                cpu &= r.cpu() != null;
                times[v] = Timing.seconds(r, protocol.clock());
                off[v] = Timing.offCpu(r);
                total[v] += times[v];
            }
            rounds.add(times);
            offCpu.add(off);
            lastRound = nanoClock.getAsLong() - now;
        }
        return series(labels, rounds, offCpu, harness, cpu, null, null, stop, (nanoClock.getAsLong() - start) / 1e9);
    }

    private static Series series(List<String> labels, List<double[]> rounds, List<double[]> offCpu, boolean harness,
                                 boolean cpu, String failed, SandboxResult failure, Decision.Stop stop,
                                 double elapsed) {
        return new Series(labels, transpose(rounds, labels.size()), harness, failed, failure, cpu,
                transpose(offCpu, labels.size()), stop, elapsed);
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
