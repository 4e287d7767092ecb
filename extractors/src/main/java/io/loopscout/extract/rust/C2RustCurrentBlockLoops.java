package io.loopscout.extract.rust;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.rust.Dispatch.VarKind;

/** {@code rust/c2rust-current-block}: relooper output dispatching on {@code current_block} with integer ids. */
final class C2RustCurrentBlockLoops implements RustLoopFamily {

    @Override
    public Pattern classify(LoopAnalysis loop) {
        boolean integerIds = loop.constants.stream()
                .anyMatch(c -> RustValues.constantKind(c) == RustValues.Kind.INTEGER)
                || loop.macroConstants.stream().anyMatch(c -> RustValues.integerValue(c) != null);
        return loop.constTransitionsInArms > 0 && loop.dispatch.kind() == VarKind.LOCAL && loop.dispatch.stateVar().equals("current_block")
                && integerIds ? Pattern.RUST_C2RUST_CURRENT_BLOCK : null;
    }
}
