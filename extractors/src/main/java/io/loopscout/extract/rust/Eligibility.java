package io.loopscout.extract.rust;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.rust.Dispatch.Shape;
import io.loopscout.extract.rust.Dispatch.VarKind;

/**
 * Whether the rewriter can turn a loop into the {@code #[loop_match]} form as it stands, and if not the first
 * reason why, in the vocabulary of shared/patterns.md.
 */
final class Eligibility {

    private Eligibility() {
    }

    /** Null when eligible, else the reason. */
    static String reason(LoopAnalysis a, Pattern pattern, String stateType) {
        if (pattern == Pattern.RUST_STEP_MACHINE) {
            // #[loop_match] needs the match inside the loop: the step must be inlined into its driver first.
            return "step-function";
        }
        if (a.constTransitions == 0 || pattern == Pattern.RUST_DISPATCH_LOOP) {
            return "no-constant-transitions";
        }
        // rustc rejects a tuple scrutinee with the same error as a field: the match must be on the local itself.
        if (a.dispatch.kind() != VarKind.LOCAL || a.dispatch.tupleIndex() >= 0) {
            return "state-not-local";
        }
        if (stateType.equals("enum-with-fields")) {
            return "state-type-has-fields";
        }
        if (stateType.equals("unknown")) {
            return "unknown-state-type";
        }
        if (a.closureCapturesState) {
            return "closure-captures-state";
        }
        if (a.whileLoop) {
            return "while-loop";
        }
        if (a.statements > 1 || a.dispatch.shape() == Shape.VALUE || a.dispatch.shape() == Shape.IF_CHAIN) {
            return "statements-around-match";
        }
        if (a.hasGuards()) {
            return "match-guards";
        }
        return null;
    }
}
