package io.loopscout.runner.protocol;

import io.loopscout.runner.Decision;
import io.loopscout.runner.sandbox.SandboxResult;
import java.util.List;

/**
 * The timed rounds of an interleaved run: {@code seconds[v][r]} is variant {@code labels[v]} in round r.
 *
 * @param labels        the variants in their first-round order
 * @param seconds       run times per variant and round (warm-ups excluded), read from {@code clock}
 * @param harnessTimed  whether every time came from the benchmark's own harness (else process wall time)
 * @param failedVariant the variant whose run failed (the rounds stop there), or null
 * @param failure       that run's result, or null
 * @param cpuTimed      whether every time is cgroup CPU time
 * @param offCpu        per variant and round, the fraction of the run's wall time spent off the CPU (NaN where
 *                      not accounted)
 * @param stop          why the rounds stopped
 * @param elapsed       wall seconds spent in the timed rounds
 */
public record Series(List<String> labels, double[][] seconds, boolean harnessTimed, String failedVariant,
                     SandboxResult failure, boolean cpuTimed, double[][] offCpu, Decision.Stop stop,
                     double elapsed) {

    /** A series without off-CPU accounting (every run counted undisturbed). */
    public Series(List<String> labels, double[][] seconds, boolean harnessTimed, String failedVariant,
                  SandboxResult failure, boolean cpuTimed) {
        this(labels, seconds, harnessTimed, failedVariant, failure, cpuTimed, nan(seconds),
                failure != null ? Decision.Stop.RUN_FAILED : Decision.Stop.MAX_ROUNDS, 0);
    }

    /** A wall-clock series. */
    public Series(List<String> labels, double[][] seconds, boolean harnessTimed, String failedVariant,
                  SandboxResult failure) {
        this(labels, seconds, harnessTimed, failedVariant, failure, false);
    }

    private static double[][] nan(double[][] like) {
        double[][] out = new double[like.length][];
        for (int v = 0; v < like.length; v++) {
            out[v] = new double[like[v].length];
            java.util.Arrays.fill(out[v], Double.NaN);
        }
        return out;
    }

    /** How the times were taken, for notes. */
    public String timing() {
        return cpuTimed ? "CPU time of the run's cgroup" : harnessTimed ? "harness-timed" : "process wall time";
    }

    /** The clock the times were actually read from. */
    public Timing.Clock clock() {
        return cpuTimed ? Timing.Clock.CPU : Timing.Clock.WALL;
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

    /**
     * Rounds whose every run spent at most {@code maxOffCpu} of its wall time off the CPU (an unaccounted run
     * counts as undisturbed); all rounds when {@code maxOffCpu} is 1.
     */
    public boolean[] undisturbed(double maxOffCpu) {
        boolean[] keep = new boolean[rounds()];
        for (int r = 0; r < keep.length; r++) {
            keep[r] = true;
            for (double[] v : offCpu) {
                keep[r] &= maxOffCpu >= 1 || !(v[r] > maxOffCpu);
            }
        }
        return keep;
    }

    /** This series with only the rounds {@code keep} marks. */
    public Series only(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[][] s = new double[seconds.length][n];
        double[][] o = new double[seconds.length][n];
        for (int v = 0; v < seconds.length; v++) {
            int j = 0;
            for (int r = 0; r < keep.length; r++) {
                if (keep[r]) {
                    s[v][j] = seconds[v][r];
                    o[v][j++] = offCpu[v][r];
                }
            }
        }
        return new Series(labels, s, harnessTimed, failedVariant, failure, cpuTimed, o, stop, elapsed);
    }
}
