package io.loopscout.runner.protocol;

import io.loopscout.runner.sandbox.SandboxResult;
import java.util.List;

/**
 * The timed rounds of an interleaved run: {@code seconds[v][r]} is variant {@code labels[v]} in round r.
 *
 * @param labels        the variants in their first-round order
 * @param seconds       run times per variant and round (warm-ups excluded)
 * @param harnessTimed  whether every time came from the benchmark's own harness (else process wall time)
 * @param failedVariant the variant whose run failed (the rounds stop there), or null
 * @param failure       that run's result, or null
 * @param cpuTimed      whether every time is cgroup CPU time (the opt-in CPU clock)
 */
public record Series(List<String> labels, double[][] seconds, boolean harnessTimed, String failedVariant,
                     SandboxResult failure, boolean cpuTimed) {

    /** A wall-clock series. */
    public Series(List<String> labels, double[][] seconds, boolean harnessTimed, String failedVariant,
                  SandboxResult failure) {
        this(labels, seconds, harnessTimed, failedVariant, failure, false);
    }

    /** How the times were taken, for notes. */
    public String timing() {
        return cpuTimed ? "CPU time of the process tree (opt-in clock)"
                : harnessTimed ? "harness-timed" : "process wall time";
    }

    /** Times of one variant. */
    public double[] of(String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("no variant " + label + " in " + labels);
        }
        return seconds[i];
    }

    /** Completed rounds. */
    public int rounds() {
        return seconds.length == 0 ? 0 : seconds[0].length;
    }

    /** True when a run failed. */
    public boolean failed() {
        return failure != null;
    }
}
