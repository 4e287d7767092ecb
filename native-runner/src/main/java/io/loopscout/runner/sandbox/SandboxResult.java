package io.loopscout.runner.sandbox;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import java.time.Duration;

/**
 * What happened to one sandboxed command. Never an exception: every way a command can end is an outcome.
 *
 * @param outcome      how it ended
 * @param exitCode     the exit status (128 + signal for a signal; -1 when it never started)
 * @param wall         wall time from start to exit (process start included)
 * @param log          captured stdout and stderr, interleaved, capped
 * @param logTruncated whether the middle of the log was dropped
 * @param detail       one line saying why it failed (empty when OK)
 * @param cpu          CPU time (user + system) of the whole process tree, or null where not accounted
 */
public record SandboxResult(Outcome outcome, int exitCode, Duration wall, String log, boolean logTruncated,
                            String detail, Duration cpu) {

    /** A result without CPU accounting. */
    public SandboxResult(Outcome outcome, int exitCode, Duration wall, String log, boolean logTruncated,
                         String detail) {
        this(outcome, exitCode, wall, log, logTruncated, detail, null);
    }

    /** How a sandboxed command ended. */
    public enum Outcome {
        /** Exit status 0. */
        OK,
        /** Non-zero exit for no reason the sandbox recognises. */
        FAILED,
        /** Killed at the wall-time limit. */
        TIMEOUT,
        /** Killed by the no-output watchdog. */
        SILENT_TIMEOUT,
        /** Hit the memory limit. */
        OOM,
        /** Wrote more than the write quota (or a file larger than it), or filled its private /tmp. */
        DISK_FULL,
        /** Tried to reach the network and was blocked. */
        NETWORK_BLOCKED,
        /** Hit the process-count limit and was stopped. */
        PROCESS_LIMIT,
        /** Tried to write outside its writable directories and was refused. */
        WRITE_REFUSED,
        /** The sandbox itself could not run the command. */
        SANDBOX_ERROR
    }

    /** True when the command exited with status 0. */
    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /**
     * The failure class of this outcome; {@code stageClass} (build-fail or bench-fail) stands for plain
     * failures and for the limits measurement.md has no class of its own for (process count, refused writes).
     */
    public FailureClass failureClass(FailureClass stageClass) {
        return switch (outcome) {
            case OK -> null;
            case TIMEOUT, SILENT_TIMEOUT -> FailureClass.TIMEOUT;
            case OOM -> FailureClass.OOM;
            case DISK_FULL -> FailureClass.DISK_FULL;
            case NETWORK_BLOCKED -> FailureClass.NETWORK_BLOCKED;
            case SANDBOX_ERROR -> FailureClass.SANDBOX_ERROR;
            case FAILED, PROCESS_LIMIT, WRITE_REFUSED -> stageClass;
        };
    }

    /** A failure record for failures.csv, or null when OK; the message is the detail and the log's last line. */
    public Failure toFailure(String project, String stage, FailureClass stageClass, String what) {
        return toFailure(project, stage, stageClass, what, "");
    }

    /**
     * A failure record for failures.csv, or null when OK; the message is the detail and {@code cause} (what the
     * tool said went wrong, e.g. the first compiler error), or the log's last line when {@code cause} is empty.
     */
    public Failure toFailure(String project, String stage, FailureClass stageClass, String what, String cause) {
        if (ok()) {
            return null;
        }
        String last = cause == null || cause.isBlank() ? lastLine() : cause.strip();
        String msg = what + ": " + detail + (last.isEmpty() ? "" : " | " + last);
        return new Failure(project, stage, failureClass(stageClass), msg);
    }

    /** The last non-blank line of the log (trimmed, at most 300 characters). */
    public String lastLine() {
        String[] lines = log.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("note: run with `RUST_BACKTRACE")) {
                return l.length() > 300 ? l.substring(0, 300) : l;
            }
        }
        return "";
    }
}
