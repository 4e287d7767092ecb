package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.List;
import java.util.function.Predicate;

/** Whether control can reach the end of a piece of code: conservative, true when unsure. */
public final class Completion {

    private Completion() {
    }

    /** Whether {@code n} may complete; {@code inner} judges its parts (so a caller can mark converted code). */
    public static boolean mayComplete(SyntaxNode n, Predicate<SyntaxNode> inner) {
        switch (n.type) {
            case "expression_statement":
                return inner.test(n.expression());
            case "block": {
                List<SyntaxNode> stmts = n.statements();
                return stmts.isEmpty() || inner.test(stmts.get(stmts.size() - 1));
            }
            case "unsafe_block":
                return inner.test(n.childOfType("block"));
            case "return_expression":
            case "break_expression":
            case "continue_expression":
                return false;
            case "if_expression": {
                SyntaxNode alt = n.child("alternative");
                if (alt == null) {
                    return true;
                }
                List<SyntaxNode> altCode = alt.namedChildren();
                return inner.test(n.child("consequence")) || altCode.isEmpty() || inner.test(altCode.get(0));
            }
            case "match_expression":
                return Syntax.arms(n).stream().anyMatch(a -> inner.test(a.child("value")));
            case "macro_invocation": {
                SyntaxNode m = n.child("macro");
                String name = m == null ? "" : m.text().replaceAll("^.*::", "");
                return !Syntax.DIVERGING_MACROS.contains(name);
            }
            case "loop_expression":
                return breaksOut(n);
            default:
                return true;
        }
    }

    /**
     * Whether a {@code loop} may end normally: a {@code break} of it (unlabelled and not inside a nested loop,
     * or naming its label), or a macro whose tokens may hide one.
     */
    private static boolean breaksOut(SyntaxNode loop) {
        SyntaxNode label = loop.childOfType("label");
        for (SyntaxNode n : loop.descendants()) {
            if (n.is("macro_invocation") && n.childOfType("token_tree") != null
                    && Syntax.WORD_BREAK.matcher(n.childOfType("token_tree").text()).find()) {
                return true;
            }
            if (!n.is("break_expression")) {
                continue;
            }
            SyntaxNode l = n.childOfType("label");
            if (l != null) {
                if (label != null && l.text().equals(label.text())) {
                    return true;
                }
                continue;
            }
            SyntaxNode p = n.parent;
            while (p != loop && !Syntax.LOOPS.contains(p.type) && !p.is("closure_expression", "function_item")) {
                p = p.parent;
            }
            if (p == loop) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code n} may complete, nothing converted. */
    static boolean mayComplete(SyntaxNode n) {
        return mayComplete(n, Completion::mayComplete);
    }
}
