package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;

/**
 * {@code c/goto-state-machine}: a function with at least {@value #MIN_LABELS} labels whose gotos jump backwards
 * and form cycles through at least two labels (re2c, ragel, llhttp output). A single retry label jumping to
 * itself among cleanup labels is not a state machine.
 */
final class GotoStateMachineFinder {

    static final int MIN_LABELS = 4;

    /** The finding for {@code fn}, or null. */
    Draft find(FunctionFacts fn, int computedGotos) {
        if (fn.labels.size() < MIN_LABELS || fn.gotos.isEmpty()) {
            return null;
        }
        GotoGraph g = new GotoGraph(fn);
        if (g.backwardGotos == 0 || g.labelsOnCycles() < 2) {
            return null;
        }
        return new Draft(Pattern.C_GOTO_STATE_MACHINE, fn, fn.function.getStartPoint().getRow() + 1,
                fn.function.getEndPoint().getRow() + 1, "", g.names.size(), g.gotos, computedGotos,
                g.fallthroughs, g.exits, g.graph());
    }
}
