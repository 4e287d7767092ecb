package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.extract.c.FunctionFacts.Span;

/** {@code c/switch-state-loop}: a loop around a switch on an lvalue that one of its cases assigns a constant. */
final class SwitchStateLoopFinder implements SwitchPatternFinder {

    @Override
    public Pattern pattern() {
        return Pattern.C_SWITCH_STATE_LOOP;
    }

    @Override
    public boolean matches(SwitchModel m) {
        return m.loop != null && m.lvalue && m.edges.stream().anyMatch(e -> e.kind() == EdgeKind.CONSTANT);
    }

    @Override
    public Span anchor(SwitchModel m) {
        return m.loop;
    }
}
