package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code c/computed-goto}: {@code goto *expr;} (rewritten by {@link MacroExpander} to a call tree-sitter can
 * parse) in a function, with a table of {@code &&label} addresses in the function, or in a local include or
 * macro when the table hides there (Lua's ljumptab.h).
 */
final class ComputedGotoFinder {

    /**
     * The finding for {@code fn}, or null.
     *
     * @param gotoLines       1-based lines of the rewritten computed gotos of the whole file, ascending
     * @param tableElsewhere  the size of a label-address table outside the function for its text (an include,
     *                        a macro; see {@link MacroTable#labelAddressTable}), 0 when there is none
     */
    Draft find(FunctionFacts fn, List<Integer> gotoLines, java.util.function.ToIntFunction<String> tableElsewhere) {
        int first = fn.startLine();
        int last = fn.endLine();
        List<Integer> sites = gotoLines.stream().filter(l -> l >= first && l <= last).toList();
        if (sites.isEmpty()) {
            return null;
        }
        String text = fn.text(fn.function);
        int addresses = CLexer.labelAddressCount(text);
        if (addresses == 0) {
            // the table is defined elsewhere (Lua's ljumptab.h): its states are counted there
            addresses = tableElsewhere.applyAsInt(text);
        }
        if (addresses == 0) {
            return null;
        }
        GotoGraph g = new GotoGraph(fn);
        List<Edge> edges = new ArrayList<>(g.graph().edges());
        for (int line : sites) {
            edges.add(new Edge(regionOfLine(fn, line), -1, EdgeKind.DYNAMIC));
        }
        edges.removeIf(e -> e.from() < 0);
        int states = addresses;
        return new Draft(Pattern.C_COMPUTED_GOTO, fn, first, last, "", states, g.gotos, sites.size(),
                g.fallthroughs, g.exits, new StateGraph(g.names, edges));
    }

    private static int regionOfLine(FunctionFacts fn, int line) {
        int found = -1;
        for (int i = 0; i < fn.labels.size() && fn.labels.get(i).line() <= line; i++) {
            found = i;
        }
        return found;
    }
}
