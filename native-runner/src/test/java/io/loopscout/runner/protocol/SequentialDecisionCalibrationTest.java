package io.loopscout.runner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.runner.Decision;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.SandboxResult;
import io.loopscout.runner.stats.NoiseModel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The whole decision — sequential interleaved sampling, the protocol's interval, the verdict rules — on simulated
 * runs with known noise: the real {@link InterleavedRuns} loop and {@link Analysis}, fed run results whose CPU
 * time is drawn from a seeded noise model, with a simulated clock (each run costs its own time) for the budget.
 * This is where the default target half-width comes from: the widest target whose A/A false-verdict rate stays
 * at most 1% while a 2% slowdown is still regressed at least 80% of the time.
 */
class SequentialDecisionCalibrationTest {

    /** Outcome counts of {@code reps} decisions on A against X, X truly {@code slowdown} times slower. */
    static Map<Verdict, Integer> decide(Protocol p, NoiseModel noise, double runSeconds, double slowdown, int reps,
                                        long seed, double[] meanPairs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<Verdict, Integer> tally = new EnumMap<>(Verdict.class);
        long pairs = 0;
        for (int i = 0; i < reps; i++) {
            long[] now = {0};
            int[] round = {0, 0};
            LinkedHashMap<String, Supplier<SandboxResult>> runs = new LinkedHashMap<>();
            runs.put("A", () -> run(now, runSeconds * noise.factor(rnd, round[0]++ / 2)));
            runs.put("B", () -> run(now, runSeconds * slowdown * noise.factor(rnd, round[1]++ / 2)));
            Series s = InterleavedRuns.run(p, runs, () -> now[0]);
            Analysis a = Analysis.of(s, p);
            tally.merge(a.verdict("B"), 1, Integer::sum);
            pairs += a.kept().rounds();
        }
        meanPairs[0] = (double) pairs / reps;
        return tally;
    }

    private static SandboxResult run(long[] now, double seconds) {
        Duration d = Duration.ofNanos((long) (seconds * 1e9));
        now[0] += d.toNanos() + 20_000_000L; // plus sandbox start
        return new SandboxResult(SandboxResult.Outcome.OK, 0, d.plusMillis(20), "", false, "", d);
    }

    /** The protocol's sequential knobs (minimum pairs, target, budget) on the simulated clock. */
    private static Protocol protocol(double target, int minPairs) {
        return new Protocol(1, minPairs, Duration.ZERO, 1000, Protocol.BUDGET, null, false, Limits.bench(),
                Limits.bench(), Timing.Clock.CPU, target, 1);
    }

    @Test
    void theDefaultTargetKeepsAaFalseVerdictsRareAndDetectsATwoPercentSlowdown() {
        StringBuilder table = new StringBuilder("min pairs, target: A/A false of 1000, 2% regressed of 200, "
                + "10% regressed of 200, mean pairs (A/A)\n");
        int[][] cases = {{10, 100}, {20, 100}, {20, 75}, {Protocol.MIN_PAIRS, (int) Math.round(
                Protocol.TARGET_HALF_WIDTH * 10_000)}};
        int[] falseVerdicts = new int[cases.length];
        for (int c = 0; c < cases.length; c++) {
            Protocol p = protocol(cases[c][1] / 10_000.0, cases[c][0]);
            double[] pairs = new double[1];
            // 2% per-run noise: what the CPU clock shows at load 2-4 on this kind of machine (README)
            Map<Verdict, Integer> aa = decide(p, NoiseModel.NORMAL, 0.25, 1.0, 1000, 7, pairs);
            Map<Verdict, Integer> two = decide(p, NoiseModel.NORMAL, 0.25, 1.02, 200, 8, new double[1]);
            Map<Verdict, Integer> ten = decide(p, NoiseModel.NORMAL, 0.25, 1.10, 200, 9, new double[1]);
            falseVerdicts[c] = aa.getOrDefault(Verdict.IMPROVED, 0) + aa.getOrDefault(Verdict.REGRESSED, 0);
            table.append(String.format(Locale.ROOT, "%d, ±%.2f%%: %d %s, %d, %d, %.1f%n", cases[c][0],
                    cases[c][1] / 100.0, falseVerdicts[c], aa, two.getOrDefault(Verdict.REGRESSED, 0),
                    ten.getOrDefault(Verdict.REGRESSED, 0), pairs[0]));
            if (c == cases.length - 1) {
                assertTrue(falseVerdicts[c] <= 5, table.toString());
                assertTrue(two.getOrDefault(Verdict.REGRESSED, 0) >= 180, table.toString());
                assertEquals(200, ten.getOrDefault(Verdict.REGRESSED, 0), table.toString());
            }
        }
        System.out.print(table);
        // why the default is not ±1%: an A/A series stops as soon as its interval is about ±1%, often on a
        // lucky low spread, and then |estimate| > 1% is a 2-4% event (10-20 times the default's)
        assertTrue(falseVerdicts[0] > 15 && falseVerdicts[1] > 15, table.toString());
    }

    @Test
    void whenTheBudgetStopsSamplingEarlyFalseVerdictsStayRareAndTenPercentIsStillFound() {
        // 6% per-run noise, 0.25 s runs: the 2-min budget ends at about ±1.3%, far from the ±0.6% target
        Protocol p = protocol(Protocol.TARGET_HALF_WIDTH, Protocol.MIN_PAIRS);
        double[] pairs = new double[1];
        NoiseModel noisy = NoiseModel.NOISY;
        Map<Verdict, Integer> aa = decide(p, noisy, 0.25, 1.0, 1000, 21, pairs);
        Map<Verdict, Integer> two = decide(p, noisy, 0.25, 1.02, 200, 22, new double[1]);
        Map<Verdict, Integer> ten = decide(p, noisy, 0.25, 1.10, 200, 23, new double[1]);
        String table = String.format(Locale.ROOT, "A/A %s (%.1f pairs), 2%% %s, 10%% %s", aa, pairs[0], two, ten);
        System.out.println("budget-bound: " + table);
        int f = aa.getOrDefault(Verdict.IMPROVED, 0) + aa.getOrDefault(Verdict.REGRESSED, 0);
        assertTrue(f <= 15, table);
        assertTrue(ten.getOrDefault(Verdict.REGRESSED, 0) >= 195, table);
    }

    @Test
    void aSeriesThatCannotConvergeStopsAtTheBudgetAndSaysSo() {
        Protocol p = protocol(0.001, 10);
        LinkedHashMap<String, Supplier<SandboxResult>> runs = new LinkedHashMap<>();
        long[] now = {0};
        SplittableRandom rnd = new SplittableRandom(3);
        // 8% per-run noise (cv below the 10% limit): after 2 min the interval is still about ±2%
        runs.put("A", () -> run(now, 0.5 * Math.exp(0.08 * NoiseModel.gaussian(rnd))));
        runs.put("A'", () -> run(now, 0.5 * Math.exp(0.08 * NoiseModel.gaussian(rnd))));
        Series s = InterleavedRuns.run(p, runs, () -> now[0]);
        assertEquals(Decision.Stop.TIME_BUDGET, s.stop());
        // 2 min of 0.52 s runs, two per round: about 115 rounds, never more
        assertTrue(s.rounds() >= 100 && s.rounds() <= 117, "rounds " + s.rounds());
        assertTrue(s.elapsed() <= Protocol.BUDGET.toSeconds(), "never past the budget: " + s.elapsed());
        Analysis a = Analysis.of(s, p);
        assertEquals(Verdict.UNSTABLE, a.verdict("A'"));
        assertEquals(io.loopscout.runner.Instability.Kind.NOT_CONVERGED, a.judgement("A'").why().kind());
    }
}
