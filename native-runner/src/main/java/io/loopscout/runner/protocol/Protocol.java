package io.loopscout.runner.protocol;

import io.loopscout.runner.sandbox.Limits;
import java.time.Duration;

/**
 * The measurement protocol's knobs (shared/measurement.md, protocol).
 *
 * @param warmups           untimed runs of each variant before the timed rounds
 * @param minPairs          at least this many timed rounds (pairs)
 * @param minTimePerVariant and at least this much timed run time per variant
 * @param maxRounds         never more rounds than this
 * @param maxTotal          stop adding rounds after this much wall time (a slow benchmark still gets minPairs)
 * @param cpu               the CPU to pin runs to with taskset, or null
 * @param callgrind         whether to count instructions and mispredictions once per variant
 * @param runLimits         sandbox limits of one timed run
 * @param callgrindLimits   sandbox limits of one callgrind run
 * @param clock             what run times are read from (WALL is the protocol's; CPU is opt-in)
 */
public record Protocol(int warmups, int minPairs, Duration minTimePerVariant, int maxRounds, Duration maxTotal,
                       Integer cpu, boolean callgrind, Limits runLimits, Limits callgrindLimits, Timing.Clock clock) {

    public Protocol {
        if (minPairs < 2 || maxRounds < minPairs) {
            throw new IllegalArgumentException("need 2 <= minPairs <= maxRounds, got " + minPairs + ", " + maxRounds);
        }
    }

    /** A protocol on the wall clock. */
    public Protocol(int warmups, int minPairs, Duration minTimePerVariant, int maxRounds, Duration maxTotal,
                    Integer cpu, boolean callgrind, Limits runLimits, Limits callgrindLimits) {
        this(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, callgrind, runLimits, callgrindLimits,
                Timing.Clock.WALL);
    }

    /** The protocol of measurement.md: 1 warm-up, 10 pairs and 3 s per variant, pinned to the last CPU. */
    public static Protocol standard() {
        return new Protocol(1, 10, Duration.ofSeconds(3), 1000, Duration.ofMinutes(20), lastCpu(), true,
                Limits.bench(), Limits.bench().withWallTime(Duration.ofMinutes(15)));
    }

    /** The same protocol with another minimum number of pairs and time per variant. */
    public Protocol withMinimums(int pairs, Duration perVariant) {
        return new Protocol(warmups, pairs, perVariant, Math.max(maxRounds, pairs), maxTotal, cpu, callgrind,
                runLimits, callgrindLimits, clock);
    }

    /** The same protocol with or without callgrind counts. */
    public Protocol withCallgrind(boolean on) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, on, runLimits,
                callgrindLimits, clock);
    }

    /** The same protocol pinned to {@code cpu} (null: not pinned). */
    public Protocol withCpu(Integer c) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, c, callgrind, runLimits,
                callgrindLimits, clock);
    }

    /** The same protocol reading times from {@code c}. */
    public Protocol withClock(Timing.Clock c) {
        return new Protocol(warmups, minPairs, minTimePerVariant, maxRounds, maxTotal, cpu, callgrind, runLimits,
                callgrindLimits, c);
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
}
