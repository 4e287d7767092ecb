package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalisation: a loop body whose dispatch is {@code state = match state { A => X, B => match c { .. => Y } }}
 * (the next state is the value of each arm, as in shell-words' {@code split}) becomes a match statement whose
 * leaves assign the state: {@code match state { A => state = X, B => match c { .. => state = Y } }}. The
 * assignment moves from after the whole match to the end of each leaf, where nothing else runs after it, so the
 * order of effects is the same; leaves that leave the loop ({@code break}, {@code continue}, {@code return}) or
 * end a block without a value (it diverges) stay as they are. A constant leaf is then a transition the emission
 * turns into {@code #[const_continue]}; the other statements of the body are left to {@link StatementsIntoArms}.
 */
final class AssignedMatchIntoArms implements Normalisation {

    @Override
    public String id() {
        return "assigned-match-into-arms";
    }

    @Override
    public List<TextEdit> apply(LoopSite site) {
        SyntaxNode body = site.loop().child("body");
        if (body == null) {
            return List.of();
        }
        SyntaxNode assign = null;
        for (SyntaxNode st : body.statements()) {
            SyntaxNode e = st.expression();
            if (e.is("assignment_expression") && isSelfDispatch(e, site)) {
                if (assign != null) {
                    return List.of(); // two dispatches: not this shape
                }
                assign = e;
            }
        }
        if (assign == null || ReadyFormEmitter.readyAssignment(site.loop()) != null) {
            return List.of();
        }
        String state = assign.child("left").text();
        SyntaxNode match = assign.child("right");
        List<TextEdit> edits = new ArrayList<>();
        // `state = match state {..}` -> `match state {..}`: drop the `state = ` in front of the match
        edits.add(new TextEdit(assign.start, match.start, ""));
        for (SyntaxNode arm : Syntax.arms(match)) {
            assignLeaves(arm.child("value"), state, edits);
        }
        return edits;
    }

    /** Whether {@code assign} is {@code v = match v { .. }} on the finding's state variable. */
    private static boolean isSelfDispatch(SyntaxNode assign, LoopSite site) {
        SyntaxNode left = assign.child("left");
        SyntaxNode right = assign.child("right");
        if (left == null || right == null || !right.is("match_expression") || right.child("value") == null) {
            return false;
        }
        String var = site.finding().stateVariable() == null ? "" : Syntax.squash(site.finding().stateVariable());
        String l = Syntax.squash(left.text());
        return left.is("identifier") && l.equals(Syntax.squash(right.child("value").text()))
                && (var.isEmpty() || var.equals(l));
    }

    /** Puts {@code state = } in front of every value-producing leaf of {@code v}. */
    private static void assignLeaves(SyntaxNode v, String state, List<TextEdit> edits) {
        if (v == null) {
            return;
        }
        switch (v.type) {
            case "match_expression" -> {
                for (SyntaxNode arm : Syntax.arms(v)) {
                    assignLeaves(arm.child("value"), state, edits);
                }
            }
            case "if_expression" -> {
                assignLeaves(v.child("consequence"), state, edits);
                SyntaxNode alt = v.child("alternative");
                List<SyntaxNode> code = alt == null ? List.of() : alt.namedChildren();
                if (!code.isEmpty()) {
                    assignLeaves(code.get(0), state, edits);
                }
            }
            case "block", "unsafe_block" -> {
                SyntaxNode block = v.is("unsafe_block") ? v.childOfType("block") : v;
                List<SyntaxNode> stmts = block.statements();
                SyntaxNode last = stmts.isEmpty() ? null : stmts.get(stmts.size() - 1);
                if (last != null && isTail(last)) {
                    assignLeaves(last.expression(), state, edits);
                }
                // a block without a value has type (): in a match whose arms are states it diverges
            }
            case "break_expression", "continue_expression", "return_expression" -> {
                // leaves the loop (or the function): no state to assign
            }
            default -> edits.add(TextEdit.insert(v.start, state + " = "));
        }
    }

    /** Whether {@code st}, the last statement of a block, is its value (no {@code ;} after it). */
    private static boolean isTail(SyntaxNode st) {
        if (st.is("let_declaration") || StatementsIntoArms.isItem(st)) {
            return false;
        }
        return !st.is("expression_statement") || st.childOfType(";") == null
                && Syntax.BLOCK_LIKE.contains(st.expression().type);
    }
}
