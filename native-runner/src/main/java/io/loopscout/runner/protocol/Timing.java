package io.loopscout.runner.protocol;

import io.loopscout.runner.sandbox.SandboxResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time of one run: the workload time a harness printed as {@code LOOPSCOUT_NS=<nanoseconds>} (the last
 * such line), else the process's wall time (which then includes process start).
 */
public final class Timing {
    /** The line a benchmark harness prints to report its own workload time. */
    public static final String MARKER = "LOOPSCOUT_NS=";
    private static final Pattern LINE = Pattern.compile("(?m)^" + MARKER + "(\\d+)\\s*$");

    private Timing() {
    }

    /** What a run's time is read from. */
    public enum Clock {
        /** The protocol's clock: harness workload time, else process wall time. */
        WALL,
        /**
         * CPU time (user + system) of the run's whole process tree from its cgroup: far less sensitive to other
         * work on a busy machine, but includes process start and sums threads. Not the protocol's default.
         */
        CPU;

        /** The id written in notes, run.json and reports. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The fraction of a run's wall time it spent off the CPU (waiting to be scheduled, or blocked): 1 - cpu/wall
     * of the whole process, or NaN where CPU time is not accounted. A single-threaded benchmark near 0 ran
     * undisturbed; near 0.5 it shared its CPU with another busy process for most of its run.
     */
    public static double offCpu(SandboxResult r) {
        if (r.cpu() == null || r.wall().isZero()) {
            return Double.NaN;
        }
        return Math.max(0, 1 - (double) r.cpu().toNanos() / r.wall().toNanos());
    }

    /** Seconds of workload (harness) or wall time. */
    public static double seconds(SandboxResult r) {
        Double h = harnessSeconds(r.log());
        return h != null ? h : r.wall().toNanos() / 1e9;
    }

    /** Seconds by {@code clock}; CPU falls back to {@link #seconds(SandboxResult)} where not accounted. */
    public static double seconds(SandboxResult r, Clock clock) {
        return clock == Clock.CPU && r.cpu() != null ? r.cpu().toNanos() / 1e9 : seconds(r);
    }

    /** The harness time in the log, or null when there is none. */
    public static Double harnessSeconds(String log) {
        Matcher m = LINE.matcher(log);
        Double last = null;
        while (m.find()) {
            last = Long.parseLong(m.group(1)) / 1e9;
        }
        return last;
    }
}
