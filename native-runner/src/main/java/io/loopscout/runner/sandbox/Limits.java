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
 * @param diskBytes     write quota: what the command may add to its writable directories and its private
 *                      {@code /tmp}, and the largest file it may write; killed as disk-full beyond it
 */
public record Limits(Duration wallTime, Duration idleTimeout, long memoryBytes, int maxProcesses, int logCapBytes,
                     long diskBytes) {
    /** The log cap of the protocol: 5 MB. */
    public static final int LOG_CAP = 5 * 1024 * 1024;
    private static final long GB = 1024L * 1024 * 1024;
    /** The default write quota of a build or run: 2 GiB. */
    public static final long DISK_QUOTA = 2 * GB;

    public Limits {
        if (wallTime.isNegative() || wallTime.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
        if (memoryBytes <= 0 || maxProcesses <= 0 || logCapBytes <= 0 || diskBytes <= 0) {
            throw new IllegalArgumentException("memory, process, log and disk limits must be positive");
        }
    }

    /** Limits with the default write quota. */
    public Limits(Duration wallTime, Duration idleTimeout, long memoryBytes, int maxProcesses, int logCapBytes) {
        this(wallTime, idleTimeout, memoryBytes, maxProcesses, logCapBytes, DISK_QUOTA);
    }

    /** Defaults for a build: 15 min, 5 min silent, 8 GB, 1024 processes/threads, 2 GiB of writes. */
    public static Limits build() {
        return new Limits(Duration.ofMinutes(15), Duration.ofMinutes(5), 8 * GB, 1024, LOG_CAP);
    }

    /** Defaults for one benchmark run: 5 min, 5 min silent, 4 GB, 256 processes/threads, 2 GiB of writes. */
    public static Limits bench() {
        return new Limits(Duration.ofMinutes(5), Duration.ofMinutes(5), 4 * GB, 256, LOG_CAP);
    }

    /** The same limits with another wall-time limit. */
    public Limits withWallTime(Duration d) {
        return new Limits(d, idleTimeout, memoryBytes, maxProcesses, logCapBytes, diskBytes);
    }

    /** The same limits with another no-output timeout. */
    public Limits withIdleTimeout(Duration d) {
        return new Limits(wallTime, d, memoryBytes, maxProcesses, logCapBytes, diskBytes);
    }

    /** The same limits with another memory limit. */
    public Limits withMemoryBytes(long bytes) {
        return new Limits(wallTime, idleTimeout, bytes, maxProcesses, logCapBytes, diskBytes);
    }

    /** The same limits with another process limit. */
    public Limits withMaxProcesses(int n) {
        return new Limits(wallTime, idleTimeout, memoryBytes, n, logCapBytes, diskBytes);
    }

    /** The same limits with another log cap. */
    public Limits withLogCapBytes(int n) {
        return new Limits(wallTime, idleTimeout, memoryBytes, maxProcesses, n, diskBytes);
    }

    /** The same limits with another write quota. */
    public Limits withDiskBytes(long bytes) {
        return new Limits(wallTime, idleTimeout, memoryBytes, maxProcesses, logCapBytes, bytes);
    }
}
