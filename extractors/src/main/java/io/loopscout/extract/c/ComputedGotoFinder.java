package io.loopscout.extract.c;

import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.extract.parse.ParsedSource;
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
     * @param tableElsewhere  true when a label-address table exists outside the function (includes, macros)
     */
    Draft find(FunctionFacts fn, List<Integer> gotoLines, boolean tableElsewhere) {
        int first = ParsedSource.startLine(fn.function);
        int last = ParsedSource.endLine(fn.function);
        List<Integer> sites = gotoLines.stream().filter(l -> l >= first && l <= last).toList();
        if (sites.isEmpty()) {
            return null;
        }
        int addresses = CLexer.labelAddressCount(fn.text(fn.function));
        if (addresses == 0 && !tableElsewhere) {
            return null;
        }
        GotoGraph g = new GotoGraph(fn);
        List<Edge> edges = new ArrayList<>(g.graph().edges());
        for (int line : sites) {
            edges.add(new Edge(regionOfLine(fn, line), -1, EdgeKind.DYNAMIC));
        }
        edges.removeIf(e -> e.from() < 0);
        int states = addresses > 0 ? addresses : g.names.size();
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
