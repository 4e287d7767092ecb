package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.c.FunctionFacts.Span;

/**
 * {@code c/dispatch-loop}: a loop around a switch on a value fetched from data each iteration, with at least
 * {@value #MIN_CASES} case labels and no constant transitions (switch-built interpreters such as SQLite's VDBE).
 */
final class DispatchLoopFinder implements SwitchPatternFinder {

    static final int MIN_CASES = 8;

    @Override
    public Pattern pattern() {
        return Pattern.C_DISPATCH_LOOP;
    }

    @Override
    public boolean matches(SwitchModel m) {
        return m.loop != null && m.constTransitions == 0 && m.labels() >= MIN_CASES && m.fetchedEachIteration();
    }

    @Override
    public Span anchor(SwitchModel m) {
        return m.loop;
    }
}
