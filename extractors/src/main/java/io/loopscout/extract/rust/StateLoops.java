package io.loopscout.extract.rust;

import io.loopscout.extract.Pattern;

/**
 * {@code rust/state-loop} and {@code rust/field-state-loop}: a match on a local (or on a field, deref or Cell)
 * that the arms assign a constant.
 */
final class StateLoops implements RustLoopFamily {

    @Override
    public Pattern classify(LoopAnalysis loop) {
        if (loop.constTransitionsInArms == 0) {
            return null;
        }
        return switch (loop.dispatch.kind()) {
            case LOCAL -> Pattern.RUST_STATE_LOOP;
            case PLACE, CELL -> Pattern.RUST_FIELD_STATE_LOOP;
            case FETCHED -> null;
        };
    }
}
