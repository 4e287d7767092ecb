package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.c.FunctionFacts.Span;
import java.util.List;

/**
 * {@code c/goto-state-machine}: a function with at least {@value #MIN_LABELS} labels whose gotos jump backwards
 * and form cycles through at least {@value #MIN_LABELS_ON_CYCLES} labels (re2c, ragel, llhttp output). A retry
 * label jumping to itself, or an error label and a return label calling each other, is not a state machine.
 */
final class GotoStateMachineFinder {

    static final int MIN_LABELS = 4;
    /** Error epilogues often cycle between two labels (error → return → error); lexers cycle through many. */
    static final int MIN_LABELS_ON_CYCLES = 3;

    /**
     * The finding for {@code fn}, or null. Labels inside {@code reportedLoops} (loops already reported as state
     * or dispatch loops, such as SQLite's VDBE loop and its {@code jump_to_p2}) are left out: their cycles run
     * through the loop, not through gotos.
     */
    Draft find(FunctionFacts fn, int computedGotos, List<Span> reportedLoops) {
        if (fn.labels.size() < MIN_LABELS || fn.gotos.isEmpty()) {
            return null;
        }
        List<Span> labels = fn.labels.stream()
                .filter(l -> reportedLoops.stream().noneMatch(loop -> loop.contains(l))).toList();
        if (labels.size() < MIN_LABELS) {
            return null;
        }
        GotoGraph g = new GotoGraph(fn, labels);
        if (g.backwardGotos == 0 || g.labelsOnCycles() < MIN_LABELS_ON_CYCLES) {
            return null;
        }
        return new Draft(Pattern.C_GOTO_STATE_MACHINE, fn, fn.startLine(),
                fn.endLine(), "", g.names.size(), g.gotos, computedGotos,
                g.fallthroughs, g.exits, g.graph());
    }
}
