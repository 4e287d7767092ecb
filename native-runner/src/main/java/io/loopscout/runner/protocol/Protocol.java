package io.loopscout.runner.protocol;

import io.loopscout.runner.sandbox.Limits;
import java.time.Duration;

/**
 * The measurement protocol's knobs (shared/measurement.md, protocol; README, Measurement, for how the defaults
 * were chosen).
 *
 * @param warmups           untimed runs of each variant before the timed rounds
 * @param minPairs          at least this many timed rounds (pairs)
 * @param minTimePerVariant and at least this much timed run time per variant
 * @param maxRounds         never more rounds than this
 * @param maxTotal          the time budget: stop adding rounds after this much wall time (a slow benchmark
 *                          still gets minPairs), and say so in the decision
 * @param cpu               the CPU to pin runs to with taskset, or null
 * @param callgrind         whether to count instructions and mispredictions once per variant
 * @param runLimits         sandbox limits of one timed run
 * @param callgrindLimits   sandbox limits of one callgrind run
 * @param clock             what run times are read from
 * @param targetHalfWidth   sequential sampling: stop adding rounds once every comparison's CI half-width (relative,
 *                          e.g. 0.01 for ±1%) is at most this
 * @param maxOffCpu         a pair whose runs spent more than this fraction of their wall time off the CPU is
 *                          disturbed by load and dropped (1 keeps every pair)
 */
public record Protocol(int warmups, int minPairs, Duration minTimePerVariant, int maxRounds, Duration maxTotal,
                       Integer cpu, boolean callgrind, Limits runLimits, Limits callgrindLimits, Timing.Clock clock,
                       double targetHalfWidth, double maxOffCpu) {

    /** The default time budget of one project's timed rounds. */
    public static final Duration BUDGET = Duration.ofMinutes(2);
    /**
     * The default target CI half-width: ±0.6%, not ±1%. Sampling stops as soon as the interval is that narrow,
     * often on a lucky low spread, and an A/A series stopped at ±1% then shows |estimate| > 1% (a false verdict)
     * about 7% of the time; at ±0.6% with 20 pairs at least, 0.2% (SequentialDecisionCalibrationTest).
     */
    public static final double TARGET_HALF_WIDTH = 0.006;
    /** The default minimum of pairs: 20 (measurement.md asks for at least 10; 20 halves lucky early stops). */
    public static final int MIN_PAIRS = 20;

    public Protocol {
        if (minPairs < 2 || maxRounds < minPairs) {
            throw new IllegalArgumentException("need 2 <= minPairs <= maxRounds, got " + minPairs + ", " + maxRounds);
        }
        if (!(targetHalfWidth > 0) || !(maxOffCpu > 0 && maxOffCpu <= 1)) {
            throw new IllegalArgumentException("need targetHalfWidth > 0 and 0 < maxOffCpu <= 1, got "
                    + targetHalfWidth + ", " + maxOffCpu);
        }
    }

    /** A protocol with the default target and every pair kept. */
    public Protocol(int warmups, int minPairs, Duration minTimePerVariant, int maxRounds, Duration maxTotal,
                    Integer cpu, boolean callgrind, Limits runLimits, Limits callgrindLimits, Timing.Clock clock) {
        this(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, callgrind, runLimits, callgrindLimits,
                clock, TARGET_HALF_WIDTH, 1);
    }

    /** A protocol on the wall clock. */
    public Protocol(int warmups, int minPairs, Duration minTimePerVariant, int maxRounds, Duration maxTotal,
                    Integer cpu, boolean callgrind, Limits runLimits, Limits callgrindLimits) {
        this(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, callgrind, runLimits, callgrindLimits,
                Timing.Clock.WALL);
    }

    /**
     * The default protocol: 1 warm-up, at least {@link #MIN_PAIRS} pairs and 3 s per variant, then pairs until every CI is
     * within ±{@link #TARGET_HALF_WIDTH} or the {@link #BUDGET} runs out; CPU time of the run's cgroup, not
     * pinned (each choice measured: README, Measurement).
     */
    public static Protocol standard() {
        return new Protocol(1, MIN_PAIRS, Duration.ofSeconds(3), 1000, BUDGET, null, true, Limits.bench(),
                Limits.bench().withWallTime(Duration.ofMinutes(15)), Timing.Clock.CPU, TARGET_HALF_WIDTH, 1);
    }

    /** The same protocol with another minimum number of pairs and time per variant. */
    public Protocol withMinimums(int pairs, Duration perVariant) {
        return new Protocol(warmups, pairs, perVariant, Math.max(maxRounds, pairs), maxTotal, cpu, callgrind,
                runLimits, callgrindLimits, clock, targetHalfWidth, maxOffCpu);
    }

    /** The same protocol with or without callgrind counts. */
    public Protocol withCallgrind(boolean on) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, on, runLimits,
                callgrindLimits, clock, targetHalfWidth, maxOffCpu);
    }

    /** The same protocol pinned to {@code cpu} (null: not pinned). */
    public Protocol withCpu(Integer c) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, c, callgrind, runLimits,
                callgrindLimits, clock, targetHalfWidth, maxOffCpu);
    }

    /** The same protocol reading times from {@code c}. */
    public Protocol withClock(Timing.Clock c) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, callgrind, runLimits,
                callgrindLimits, c, targetHalfWidth, maxOffCpu);
    }

    /** The same protocol aiming for {@code halfWidth} within {@code budget}. */
    public Protocol withTarget(double halfWidth, Duration budget) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, budget, cpu, callgrind, runLimits,
                callgrindLimits, clock, halfWidth, maxOffCpu);
    }

    /** The same protocol dropping pairs whose runs were off the CPU for more than {@code fraction} of their time. */
    public Protocol withMaxOffCpu(double fraction) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, callgrind, runLimits,
                callgrindLimits, clock, targetHalfWidth, fraction);
    }

    /** The same protocol with other sandbox limits for timed runs and callgrind runs. */
    public Protocol withLimits(Limits run, Limits callgrindRun) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, callgrind, run,
                callgrindRun, clock);
    }

    /** The highest-numbered CPU, where the first is usually busiest with interrupts; null on one CPU. */
    static Integer lastCpu() {
        int n = Runtime.getRuntime().availableProcessors();
        return n > 1 ? n - 1 : null;
    }

    /** One line for notes and run.json: clock, pin, target, budget, and what the clock costs. */
    public String describe() {
        String cost = clock == Timing.Clock.CPU
                ? "CPU time (user + system) of the run's cgroup: counts process start-up and every thread, not"
                        + " time off the CPU (waiting, I/O)"
                : "wall time (the harness's workload time where it prints one): counts time waiting for a CPU";
        return String.format(java.util.Locale.ROOT, "clock %s (%s); cpu %s; pairs until CI ±%.2f%% or %d s; "
                        + "%s", clock.id(), cost, cpu == null ? "not pinned" : "pinned to " + cpu,
                100 * targetHalfWidth, maxTotal.toSeconds(),
                maxOffCpu < 1 ? String.format(java.util.Locale.ROOT, "pairs more than %.0f%% off-CPU dropped",
                        100 * maxOffCpu) : "every pair kept");
    }
}
