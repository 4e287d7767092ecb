package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/** Emission for a loop already in the accepted shape without the attributes (loop_match_ready): attributes only. */
final class ReadyFormEmitter {

    private ReadyFormEmitter() {
    }

    /**
     * The body's {@code state = 'blk: { match state { .. } }} when the loop is already in the accepted shape
     * without the attributes, else null.
     */
    static SyntaxNode readyAssignment(SyntaxNode loop) {
        SyntaxNode body = loop.child("body");
        List<SyntaxNode> stmts = body == null ? List.of() : body.statements();
        if (stmts.size() != 1 || !stmts.get(0).expression().is("assignment_expression")) {
            return null;
        }
        SyntaxNode assign = stmts.get(0).expression();
        SyntaxNode left = assign.child("left");
        SyntaxNode right = assign.child("right");
        if (left == null || !left.is("identifier") || right == null || !right.is("block")
                || right.childOfType("label") == null) {
            return null;
        }
        List<SyntaxNode> inner = right.statements();
        if (inner.size() != 1 || !inner.get(0).expression().is("match_expression")) {
            return null;
        }
        SyntaxNode scrutinee = inner.get(0).expression().child("value");
        return scrutinee != null && scrutinee.text().equals(left.text()) ? assign : null;
    }

    /** Adds only the attributes to the loop whose body is {@code assign}. */
    static Emission emit(LoopSite site, SyntaxNode assign) {
        List<TextEdit> edits = new ArrayList<>();
        SyntaxNode block = assign.child("right");
        SyntaxNode match = block.statements().get(0).expression();
        StateLoop s = StateLoopAnalysis.classify(site, match, match.child("value"), Syntax.arms(match));
        for (SyntaxNode arm : s.arms()) {
            StateLoopAnalysis.checkGuard(arm);
        }
        String blockLabel = block.childOfType("label").text();
        SyntaxNode stmt = block.statements().get(0);
        SyntaxNode semicolon = stmt.is("expression_statement") ? stmt.childOfType(";") : null;
        if (semicolon != null) {
            // `{ match .. {..}; }` is a statement, not the block's value: rustc wants the match as the value
            edits.add(new TextEdit(semicolon.start, semicolon.end, ""));
        }
        for (SyntaxNode c : block.namedChildren()) {
            if (c.is("empty_statement")) {
                edits.add(new TextEdit(c.start, c.end, "")); // tree-sitter's reading of the same `;`
            }
        }
        List<SyntaxNode> breaks = new ArrayList<>();
        Syntax.collectBreaks(match, blockLabel, breaks);
        int consts = 0;
        int dynamics = 0;
        for (SyntaxNode b : breaks) {
            List<SyntaxNode> operand = b.namedChildren();
            SyntaxNode value = operand.size() == 2 ? operand.get(1) : null;
            if (value == null || !Syntax.isConstant(value, site.scope())) {
                dynamics++;
                continue;
            }
            consts++;
            SyntaxNode p = b.parent;
            if (p.is("expression_statement") && p.parent != null && p.parent.is("block")) {
                edits.add(TextEdit.insert(b.start, LoopEmitter.CONST_ATTR + " "));
            } else if (p.is("block")) {
                // a tail `break 'blk X` without ';': make it a statement so the attribute is in statement position
                edits.add(TextEdit.insert(b.start, LoopEmitter.CONST_ATTR + " "));
                edits.add(TextEdit.insert(b.end, ";"));
            } else {
                edits.add(TextEdit.insert(b.start, "{ " + LoopEmitter.CONST_ATTR + " "));
                edits.add(TextEdit.insert(b.end, "; }"));
            }
        }
        if (consts == 0) {
            throw new Refusal(RefusalReason.NO_CONSTANT_TRANSITIONS, "no `break " + blockLabel + "` to a constant");
        }
        edits.addAll(LoopEmitter.header(site, s, false, null));
        return new Emission(edits, consts, dynamics);
    }
}
