package io.loopscout.extract.rewrite;

/**
 * What happened to one loop of a crate rewrite.
 *
 * @param file          path relative to the crate root, forward slashes
 * @param line          1-based line of the loop statement in the original file
 * @param pattern       the finding's pattern id
 * @param stateVariable the state variable as written
 * @param status        rewritten, left alone, or reverted
 * @param reason        for LEFT_ALONE the reason id and detail; for REVERTED rustc's first error line; else ""
 */
public record LoopOutcome(String file, int line, String pattern, String stateVariable, Status status,
        String reason) {

    /** The outcome of one loop. */
    public enum Status {
        /** In the #[loop_match] form, built on stable and with loop_match. */
        REWRITTEN,
        /** Not rewritten: the rewriter cannot do it safely (reason says why). */
        LEFT_ALONE,
        /** Rewritten, but the crate did not build with it, so it was put back. */
        REVERTED
    }
}
