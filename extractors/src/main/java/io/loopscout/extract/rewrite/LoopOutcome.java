package io.loopscout.extract.rewrite;

import java.io.Serializable;

/**
 * What happened to one loop of a crate rewrite (also carried by its finding: {@code Finding.rewrite}).
 *
 * @param file          path relative to the crate root, forward slashes
 * @param line          1-based line of the loop statement in the original file
 * @param pattern       the finding's pattern id
 * @param stateVariable the state variable as written
 * @param status        rewritten, left alone, or reverted
 * @param reason        for LEFT_ALONE the reason id and detail; for REVERTED rustc's first error line; else ""
 */
public record LoopOutcome(String file, int line, String pattern, String stateVariable, Status status,
        String reason) implements Serializable {

    /** The outcome of one loop. */
    public enum Status {
        /** In the #[loop_match] form, built on stable and with loop_match. */
        REWRITTEN("rewritten"),
        /** Not rewritten: the rewriter cannot do it safely (reason says why). */
        LEFT_ALONE("left-alone"),
        /** Rewritten, but the crate did not build with it, so it was put back. */
        REVERTED("reverted");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        /** The word the reports use. */
        public String id() {
            return id;
        }
    }

    /** The report cell: {@code rewritten}, {@code reverted: <first rustc error>}, {@code left-alone: <reason>}. */
    public String cell() {
        return reason == null || reason.isEmpty() ? status.id() : status.id() + ": " + reason;
    }
}
