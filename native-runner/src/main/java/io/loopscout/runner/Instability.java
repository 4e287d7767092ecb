package io.loopscout.runner;

import java.io.Serializable;
import java.util.Locale;

/**
 * Why a comparison is {@link Verdict#UNSTABLE}: the kind (typed, for filters and tables) and the figure that
 * tripped it, so a report can say "cv 12.4% of A' (max 10%)" rather than just "unstable".
 *
 * @param kind    what made it unstable
 * @param variant the variant it concerns (e.g. A', B), or empty
 * @param value   the figure: a coefficient of variation, a half-width, a fraction of pairs (NaN when none)
 * @param limit   the limit that figure was held against (NaN when none)
 * @param detail  one line from the run (a failed run's message), or empty
 */
public record Instability(Kind kind, String variant, double value, double limit, String detail)
        implements Serializable {

    /** The kinds of instability (shared/measurement.md, verdict). */
    public enum Kind {
        /** The runs of one side vary more than the protocol accepts. */
        HIGH_CV("high-cv"),
        /** Sampling stopped (time budget, maximum rounds) with an interval too wide to call anything within noise. */
        NOT_CONVERGED("not-converged"),
        /** Too many pairs were disturbed by load (a run off-CPU for much of its time) to keep enough. */
        DISTURBED("disturbed-by-load"),
        /** A run failed (non-zero exit, crash). */
        RUN_FAILED("run-failed"),
        /** A run hit its wall-time limit. */
        TIMEOUT("timeout"),
        /** A run ran out of memory. */
        OOM("oom");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The id written in reports. */
        public String id() {
            return id;
        }
    }

    public Instability {
        variant = variant == null ? "" : variant;
        detail = detail == null ? "" : detail;
    }

    /** The instability of a run that did not end OK (timeout, OOM, or any other failure). */
    public static Instability ofRun(String variant, io.loopscout.runner.sandbox.SandboxResult r) {
        Kind k = switch (r.outcome()) {
            case TIMEOUT, SILENT_TIMEOUT -> Kind.TIMEOUT;
            case OOM -> Kind.OOM;
            default -> Kind.RUN_FAILED;
        };
        String last = r.lastLine();
        return new Instability(k, variant, Double.NaN, Double.NaN, r.detail() + (last.isEmpty() ? "" : " | " + last));
    }

    /** One line for reports, e.g. {@code high-cv: cv 12.4% of A' (max 10.0%)}. */
    public String text() {
        String of = variant.isEmpty() ? "" : " of " + variant;
        return switch (kind) {
            case HIGH_CV -> String.format(Locale.ROOT, "%s: cv %.1f%%%s (max %.1f%%)", kind.id, 100 * value, of,
                    100 * limit);
            case NOT_CONVERGED -> String.format(Locale.ROOT, "%s: CI ±%.2f%%%s when sampling stopped (within-noise needs ±%.2f%%)",
                    kind.id, 100 * value, of, 100 * limit);
            case DISTURBED -> String.format(Locale.ROOT, "%s: %.0f%% of pairs disturbed (at most %.0f%% may be)",
                    kind.id, 100 * value, 100 * limit);
            case RUN_FAILED, TIMEOUT, OOM -> kind.id + of + (detail.isEmpty() ? "" : ": " + detail);
        };
    }
}
