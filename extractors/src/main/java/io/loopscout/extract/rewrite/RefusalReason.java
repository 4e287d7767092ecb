package io.loopscout.extract.rewrite;

/**
 * Why the rewriter leaves a loop alone. The ids shared with the extractor's {@code reason} column are those of
 * shared/patterns.md; the others are the rewriter's own (README, "Rewriter reasons").
 */
public enum RefusalReason {
    PARSE_ERRORS("parse-errors"),
    PARSE_TIMEOUT("parse-timeout"),
    LOOP_NOT_FOUND("loop-not-found"),
    TOO_DEEP("too-deep"),
    ALREADY_LOOP_MATCH("already-loop-match"),
    STATE_TYPE_HAS_FIELDS("state-type-has-fields"),
    STATEMENTS_AROUND_MATCH("statements-around-match"),
    STATE_VARIABLE_MISMATCH("state-variable-mismatch"),
    STATE_NOT_LOCAL("state-not-local"),
    MATCH_GUARDS("match-guards"),
    /**
     * The match is on a cast of the state place ({@code match p_state as ::core::ffi::c_uint}, as c2rust writes a
     * C switch): {@code #[loop_match]} needs the place itself, and whether the cast can go needs its type.
     */
    CAST_SCRUTINEE("cast-scrutinee"),
    CLOSURE_CAPTURES_STATE("closure-captures-state"),
    STATE_SHADOWED("state-shadowed"),
    BREAK_IN_MACRO("break-in-macro"),
    WHILE_LOOP("while-loop"),
    /** A {@code for} loop: {@code #[loop_match]} goes on a {@code loop}, and the iterator would have to be unrolled. */
    FOR_LOOP("for-loop"),
    NO_CONSTANT_TRANSITIONS("no-constant-transitions"),
    NESTED_IN_REWRITTEN_LOOP("nested-in-rewritten-loop"),
    /** A chain of {@code match current_block} blocks the relooper flattening cannot merge (detail says why). */
    CHAIN_NOT_FLATTENED("chain-not-flattened"),
    /** Moving statements around the match into every arm would copy more code than the cap allows. */
    DUPLICATION_CAP("duplication-cap"),
    /** A field state whose type is not Copy, with arms that do not name every variant (no identity copy). */
    STATE_NOT_COPY("state-not-copy"),
    /** The loop is in a file the crate rewriter does not plan (outside {@code src/}: examples, benches, tests). */
    OUTSIDE_CRATE_SOURCES("outside-crate-sources"),
    /**
     * The verification builds never compiled the loop (it sits behind a cfg or a feature the default build
     * leaves out, e.g. {@code #[cfg(target_feature = "atomics")]}): its rewrite would be unproven, so it is not made.
     */
    NOT_COMPILED("not-compiled"),
    /** The planner failed on this loop (a rewriter bug, reported with the exception; the file goes on). */
    PLANNER_ERROR("planner-error"),
    /** A normalisation's edits no longer parse to a loop at the expected place (a rewriter bug, never silent). */
    NORMALISATION_FAILED("normalisation-failed");

    private final String id;

    RefusalReason(String id) {
        this.id = id;
    }

    /** The reason id as written in findings.csv and the fixtures. */
    public String id() {
        return id;
    }

    /** The reason with this id. */
    public static RefusalReason byId(String id) {
        for (RefusalReason r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown refusal reason " + id);
    }
}
