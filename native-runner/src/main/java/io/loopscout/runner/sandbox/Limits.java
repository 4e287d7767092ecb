package io.loopscout.runner.sandbox;

import java.time.Duration;

/**
 * Resource limits of one sandboxed command (shared/measurement.md, sandbox).
 *
 * @param wallTime      killed after this long
 * @param idleTimeout   killed after this long without any output (the no-output watchdog)
 * @param memoryBytes   memory limit: resident memory under a cgroup, address space under {@code prlimit --as}
 * @param maxProcesses  process (and thread) count limit
 * @param logCapBytes   captured output beyond this is dropped from the middle (head and tail are kept)
 */
public record Limits(Duration wallTime, Duration idleTimeout, long memoryBytes, int maxProcesses, int logCapBytes) {
    /** The log cap of the protocol: 5 MB. */
    public static final int LOG_CAP = 5 * 1024 * 1024;
    private static final long GB = 1024L * 1024 * 1024;

    public Limits {
        if (wallTime.isNegative() || wallTime.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (memoryBytes <= 0 || maxProcesses <= 0 || logCapBytes <= 0) {
            throw new IllegalArgumentException("memory, process and log limits must be positive");
        }
    }

    /** Defaults for a build: 15 min, 5 min silent, 8 GB, 1024 processes/threads. */
    public static Limits build() {
        return new Limits(Duration.ofMinutes(15), Duration.ofMinutes(5), 8 * GB, 1024, LOG_CAP);
    }

    /** Defaults for one benchmark run: 5 min, 5 min silent, 4 GB, 256 processes/threads. */
    public static Limits bench() {
        return new Limits(Duration.ofMinutes(5), Duration.ofMinutes(5), 4 * GB, 256, LOG_CAP);
    }

    /** The same limits with another wall-time limit. */
    public Limits withWallTime(Duration d) {
        return new Limits(d, idleTimeout, memoryBytes, maxProcesses, logCapBytes);
    }

    /** The same limits with another no-output timeout. */
    public Limits withIdleTimeout(Duration d) {
        return new Limits(wallTime, d, memoryBytes, maxProcesses, logCapBytes);
    }

    /** The same limits with another memory limit. */
    public Limits withMemoryBytes(long bytes) {
        return new Limits(wallTime, idleTimeout, bytes, maxProcesses, logCapBytes);
    }

    /** The same limits with another process limit. */
    public Limits withMaxProcesses(int n) {
        return new Limits(wallTime, idleTimeout, memoryBytes, n, logCapBytes);
    }

    /** The same limits with another log cap. */
    public Limits withLogCapBytes(int n) {
        return new Limits(wallTime, idleTimeout, memoryBytes, maxProcesses, n);
    }
}
