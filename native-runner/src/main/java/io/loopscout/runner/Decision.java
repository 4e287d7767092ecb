package io.loopscout.runner;

import io.loopscout.runner.protocol.Timing;
import java.io.Serializable;
import java.util.Locale;

/**
 * How a timed comparison was decided: why sampling stopped, with how many pairs, how wide the interval got, on
 * which clock, and — when the verdict is unstable — why.
 *
 * @param stop            why interleaved sampling stopped
 * @param pairs           pairs analysed (disturbed pairs excluded)
 * @param discardedPairs  pairs dropped as disturbed by load
 * @param halfWidth       the widest relative CI half-width among the comparisons with A when sampling stopped
 * @param targetHalfWidth the half-width sampling aimed for
 * @param seconds         wall time spent in timed rounds
 * @param clock           what run times were read from
 * @param instability     why the verdict is unstable, or null
 */
public record Decision(Stop stop, int pairs, int discardedPairs, double halfWidth, double targetHalfWidth,
                       double seconds, Timing.Clock clock, Instability instability) implements Serializable {

    /** Why interleaved sampling stopped. */
    public enum Stop {
        /** Every interval reached the target half-width. */
        CONVERGED("converged"),
        /** The per-project time budget ran out first. */
        TIME_BUDGET("time-budget"),
        /** The protocol's maximum number of rounds was reached first. */
        MAX_ROUNDS("max-rounds"),
        /** A run failed: the rounds stopped there. */
        RUN_FAILED("run-failed");

        private final String id;

        Stop(String id) {
            this.id = id;
        }

        /** The id written in reports. */
        public String id() {
            return id;
        }
    }

    /** The same decision with {@code why} as its instability. */
    public Decision withInstability(Instability why) {
        return new Decision(stop, pairs, discardedPairs, halfWidth, targetHalfWidth, seconds, clock, why);
    }

    /** One line for notes and reports. */
    public String text() {
        return String.format(Locale.ROOT, "%s after %d pairs%s in %.0f s, CI %s (target ±%.2f%%), %s clock%s",
                stop.id(), pairs, discardedPairs > 0 ? " (+" + discardedPairs + " disturbed, dropped)" : "", seconds,
                Double.isFinite(halfWidth) ? String.format(Locale.ROOT, "±%.2f%%", 100 * halfWidth) : "none",
                100 * targetHalfWidth, clock.id(), instability == null ? "" : "; unstable: " + instability.text());
    }
}
