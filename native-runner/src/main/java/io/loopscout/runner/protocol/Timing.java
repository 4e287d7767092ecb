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

    /** Seconds of workload (harness) or wall time. */
    public static double seconds(SandboxResult r) {
        Double h = harnessSeconds(r.log());
        return h != null ? h : r.wall().toNanos() / 1e9;
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
