package io.loopscout.extract.rust;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.rust.Dispatch.VarKind;
import java.util.List;

/**
 * {@code rust/dispatch-loop}: an interpreter loop matching, with at least 8 arms and no constant transitions, on
 * a value fetched afresh each round ({@code code[pc]}, {@code self.next_op()}, a local bound inside the loop).
 */
final class DispatchLoops implements RustLoopFamily {

    /** Fewer arms is an ordinary {@code match iter.next()} (shared/patterns.md negative cases). */
    static final int MIN_ARMS = 8;

    @Override
    public Pattern classify(LoopAnalysis loop) {
        Dispatch d = loop.dispatch;
        if (d.match() == null || d.arms().size() < MIN_ARMS || loop.constTransitions > 0) {
            return null;
        }
        if (computesValue(d)) {
            return null;
        }
        return d.kind() == VarKind.FETCHED || changesEachRound(loop) ? Pattern.RUST_DISPATCH_LOOP : null;
    }

    /**
     * {@code table[i] = match i { b'\t' => .., .. }}: a match whose value is used and whose every arm is a plain
     * expression computes a value (a lookup); it does not dispatch control.
     */
    private static boolean computesValue(Dispatch d) {
        if (d.shape() == Dispatch.Shape.PLAIN) {
            return false;
        }
        for (Dispatch.Arm arm : d.arms()) {
            SyntaxNode value = arm.node().child("value");
            if (value == null || value.is("block") || value.type.endsWith("_expression") && !value.is("binary_expression")
                    && !value.is("call_expression") && !value.is("field_expression") && !value.is("unary_expression")
                    && !value.is("type_cast_expression") && !value.is("parenthesized_expression")) {
                return false;
            }
        }
        return true;
    }

    /** A named scrutinee must be bound or assigned inside the loop; otherwise the match is loop-invariant. */
    private static boolean changesEachRound(LoopAnalysis loop) {
        String var = loop.dispatch.stateVar();
        if (loop.dynamicTransitions > 0) {
            return true;
        }
        if (loop.dispatch.kind() != VarKind.LOCAL) {
            return false;
        }
        List<SyntaxNode> binders = loop.loop.collect(
                n -> n.is("let_declaration") || n.is("let_condition"), n -> n.is("closure_expression"));
        for (SyntaxNode b : binders) {
            SyntaxNode p = b.child("pattern");
            if (p != null && !p.collect(n -> n.is("identifier") && n.text().equals(var), n -> false).isEmpty()
                    || p != null && p.is("identifier") && p.text().equals(var)) {
                return true;
            }
        }
        return false;
    }
}
