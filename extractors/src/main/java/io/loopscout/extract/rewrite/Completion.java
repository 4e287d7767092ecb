package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.SyntaxNode;
import java.util.List;
import java.util.function.Predicate;

/** Whether control can reach the end of a piece of code: conservative, true when unsure. */
final class Completion {

    private Completion() {
    }

    /** Whether {@code n} may complete; {@code inner} judges its parts (so a caller can mark converted code). */
    static boolean mayComplete(SyntaxNode n, Predicate<SyntaxNode> inner) {
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
                return Syntax.WORD_BREAK.matcher(n.text()).find();
            default:
                return true;
        }
    }

    /** Whether {@code n} may complete, nothing converted. */
    static boolean mayComplete(SyntaxNode n) {
        return mayComplete(n, Completion::mayComplete);
    }
}
