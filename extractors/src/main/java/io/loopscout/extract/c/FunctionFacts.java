package io.loopscout.extract.c;

import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.Queries;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;

/**
 * The control-flow nodes of one C function, gathered by one query over the function's byte range (no
 * node-by-node walk across JNI). Byte offsets are cached in {@link Span}s so that containment tests stay in Java.
 */
final class FunctionFacts {

    /** A node with its byte range and first line, plus up to two interesting sub-nodes. */
    record Span(TSNode node, int start, int end, int line, TSNode a, TSNode b) {

        boolean contains(Span o) {
            return start <= o.start && o.end <= end && !(start == o.start && end == o.end);
        }

        boolean contains(int pos) {
            return start <= pos && pos < end;
        }
    }

    private static final String QUERY = String.join("\n",
            "(switch_statement condition: (_) @switch.cond body: (_) @switch.body) @switch",
            "(case_statement value: (_)? @case.value) @case",
            "(for_statement) @loop",
            "(while_statement) @loop",
            "(do_statement) @loop",
            "(assignment_expression left: (_) @assign.left right: (_) @assign.right) @assign",
            "(update_expression argument: (_) @update.arg) @update",
            "(init_declarator declarator: (_) @init.left value: (_) @init.right) @init",
            "(goto_statement label: (_) @goto.label) @goto",
            "(labeled_statement label: (_) @label.name) @label",
            "(break_statement) @break",
            "(continue_statement) @continue",
            "(return_statement) @return");

    final ParsedSource source;
    final TSNode function;
    final String name;
    final int start;
    final int end;
    final List<Span> switches = new ArrayList<>();
    final List<Span> cases = new ArrayList<>();
    final List<Span> loops = new ArrayList<>();
    final List<Span> assigns = new ArrayList<>();
    final List<Span> updates = new ArrayList<>();
    final List<Span> inits = new ArrayList<>();
    final List<Span> gotos = new ArrayList<>();
    final List<Span> labels = new ArrayList<>();
    final List<Span> breaks = new ArrayList<>();
    final List<Span> continues = new ArrayList<>();
    final List<Span> returns = new ArrayList<>();

    FunctionFacts(ParsedSource source, TSNode function, String name) {
        this.source = source;
        this.function = function;
        this.name = name;
        this.start = function.getStartByte();
        this.end = function.getEndByte();
        collect();
    }

    private void collect() {
        TSQuery query = Queries.get(ParsedSource.Grammar.C, QUERY);
        TSQueryCursor cursor = new TSQueryCursor();
        cursor.setByteRange(start, end);
        cursor.exec(query, function);
        TSQueryMatch match = new TSQueryMatch();
        while (cursor.nextMatch(match)) {
            TSNode main = null;
            TSNode a = null;
            TSNode b = null;
            String kind = null;
            for (TSQueryCapture cap : match.getCaptures()) {
                String capName = query.getCaptureNameForId(cap.getIndex());
                int dot = capName.indexOf('.');
                if (dot < 0) {
                    main = cap.getNode();
                    kind = capName;
                } else if (capName.endsWith(".cond") || capName.endsWith(".left") || capName.endsWith(".value")
                        || capName.endsWith(".arg") || capName.endsWith(".label") || capName.endsWith(".name")) {
                    a = cap.getNode();
                } else {
                    b = cap.getNode();
                }
            }
            if (main == null) {
                continue;
            }
            int s = main.getStartByte();
            int e = main.getEndByte();
            if (s < start || e > end) {
                continue;
            }
            Span span = new Span(main, s, e, ParsedSource.startLine(main), a, b);
            switch (kind) {
                case "switch" -> switches.add(span);
                case "case" -> cases.add(span);
                case "loop" -> loops.add(span);
                case "assign" -> assigns.add(span);
                case "update" -> updates.add(span);
                case "init" -> inits.add(span);
                case "goto" -> gotos.add(span);
                case "label" -> labels.add(span);
                case "break" -> breaks.add(span);
                case "continue" -> continues.add(span);
                case "return" -> returns.add(span);
                default -> { }
            }
        }
        // Matches arrive in pattern-interleaved order; the analyses want source order.
        for (List<Span> l : List.of(switches, cases, loops, assigns, updates, inits, gotos, labels, breaks, continues,
                returns)) {
            l.sort((x, y) -> x.start != y.start ? Integer.compare(x.start, y.start) : Integer.compare(y.end, x.end));
        }
    }

    /** The source text of a node. */
    String text(TSNode node) {
        return node == null ? "" : source.text(node);
    }

    /** The node's text without white space or comments: the key for comparing lvalues and constants. */
    String compact(TSNode node) {
        return compact(text(node));
    }

    static String compact(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int skip = CLexer.skipNonCode(s, i);
            if (skip != i && (s.charAt(i) == '/')) {
                i = skip;
                continue;
            }
            if (skip != i) {
                out.append(s, i, skip);
                i = skip;
                continue;
            }
            char c = s.charAt(i++);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The innermost span of {@code candidates} strictly containing {@code inner}, or null. */
    static Span innermost(List<Span> candidates, Span inner) {
        Span best = null;
        for (Span c : candidates) {
            if (c.start > inner.start) {
                break;
            }
            if (c.contains(inner) && (best == null || c.start >= best.start)) {
                best = c;
            }
        }
        return best;
    }

    /** The label span named {@code name}, or null. */
    Span label(String labelName) {
        for (Span l : labels) {
            if (text(l.a()).equals(labelName)) {
                return l;
            }
        }
        return null;
    }

    /** The number of tree-sitter ERROR and MISSING nodes in the function. */
    int parseErrors() {
        return source.errorCount(function);
    }
}
