package io.loopscout.extract.rust;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.List;

/**
 * How a loop body dispatches on its state: the {@code match} (or, for c2rust, the {@code if current_block == K}
 * chain), the statement it stands in, and the place matched on.
 *
 * @param match        the match expression, or null for an if-chain only
 * @param statement    the top-level statement of the loop body holding the dispatch
 * @param shape        how the match is used in that statement
 * @param assignedTo   for {@link Shape#ASSIGNED}/{@link Shape#LABELLED_BLOCK}/{@link Shape#STORED}: the compact
 *                     place assigned
 * @param blockLabel   for {@link Shape#LABELLED_BLOCK}: the label name of the block around the match
 * @param stateVar     the compact text of the state place ({@code state}, {@code self.state}, {@code *s})
 * @param kind         what sort of place that is
 * @param arms         the arms in source order (match arms, then if-chain branches)
 * @param tupleIndex   -1, or the position of the state in a tuple scrutinee ({@code match (state, byte)})
 */
record Dispatch(SyntaxNode match, SyntaxNode statement, Shape shape, String assignedTo, String blockLabel,
        String stateVar, VarKind kind, List<Arm> arms, int tupleIndex) {

    /** How the dispatching match stands in its statement. */
    enum Shape {
        /** {@code match state { .. }} as a statement or the body's tail. */
        PLAIN,
        /** {@code state = match state { .. };} — arm values are transitions. */
        ASSIGNED,
        /** {@code state = 'blk: { match state { .. } };} — the loop_match-ready shape. */
        LABELLED_BLOCK,
        /** {@code break match state { .. }} or {@code let x = match state { .. }}: arm values are not states. */
        VALUE,
        /**
         * {@code let next = match state { .. };} and a later top-level statement of the body {@code state = next;}
         * (libflate's non-blocking inflate): the arm values are transitions, as for {@link #ASSIGNED}.
         */
        STORED,
        /** c2rust {@code if current_block == K { .. } else if ..} chain. */
        IF_CHAIN
    }

    /** What sort of place the state is. */
    enum VarKind {
        /** A local variable or parameter. */
        LOCAL,
        /** A field or deref: {@code self.state}, {@code s.mode}, {@code *state}. */
        PLACE,
        /** A {@code Cell}: matched as {@code x.get()}, assigned with {@code x.set(v)}. */
        CELL,
        /** A value computed each round ({@code code[pc]}, {@code self.next()}, a tuple). */
        FETCHED
    }

    /**
     * One arm (state).
     *
     * @param node     the match_arm, or the if-branch block
     * @param labels   the compact text of each alternative of its pattern ({@code A | B} gives two)
     * @param catchAll true for {@code _} and binding patterns
     * @param guarded  true when the arm has an {@code if} guard
     */
    record Arm(SyntaxNode node, List<String> labels, boolean catchAll, boolean guarded) {

        /** The label shown in the state graph. */
        String label() {
            return String.join(" | ", labels);
        }
    }
}
