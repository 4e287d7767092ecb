package io.loopscout.extract.c;

import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.Queries;
import io.loopscout.extract.parse.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    record Span(TSNode node, int start, int end, TSNode a, TSNode b) {

        /** The 1-based first line (a JNI call; only the few callers that need it pay for it). */
        int line() {
            return ParsedSource.startLine(node);
        }

        boolean contains(Span o) {
            return start <= o.start && o.end <= end && !(start == o.start && end == o.end);
        }

        boolean contains(int pos) {
            return start <= pos && pos < end;
        }
    }

    private static final String SWITCH_PARTS = String.join("\n",
            "(switch_statement condition: (_) @switch.cond body: (_) @switch.body) @switch",
            "(case_statement value: (_)? @case.value) @case",
            "(for_statement) @loop",
            "(while_statement) @loop",
            "(do_statement) @loop",
            "(break_statement) @break",
            // Stores: the transitions of a switch's condition and the fetches of its base.
            "(assignment_expression left: (_) @assign.left right: (_) @assign.right) @assign",
            "(update_expression argument: (_) @update.arg) @update",
            "(init_declarator declarator: (_) @init.left value: (_) @init.right) @init",
            "(declaration declarator: (identifier) @decl.left) @decl");
    private static final String JUMPS = String.join("\n",
            "(goto_statement label: (_) @goto.label) @goto",
            "(labeled_statement label: (_) @label.name) @label",
            "(return_statement) @return");
    /** Run over the regions around switches: the loop around each switch, or the switch itself. */
    private static final String REGION = SWITCH_PARTS + "\n" + JUMPS;
    private static final byte[] SWITCH = "switch".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] GOTO = "goto".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
    /** Declarations, with or without an initial value ({@code b()} is null without one). */
    final List<Span> inits = new ArrayList<>();
    final List<Span> gotos = new ArrayList<>();
    final List<Span> labels = new ArrayList<>();
    final List<Span> breaks = new ArrayList<>();
    final List<Span> returns = new ArrayList<>();
    /** Functions the file declares noreturn (json-c's {@code JSON_NORETURN static void json_abort(..)}). */
    Set<String> noReturn = Set.of();

    FunctionFacts(ParsedSource source, TSNode function, String name) {
        this(source, function, name, true);
    }

    /**
     * Gathers the facts of one function. Queries cost a traversal of every node in their range, so they run
     * only where patterns can be: around each switch (found from its keyword), and over the whole function for
     * labels and gotos only when {@code jumps} (a computed goto, or a goto jumping back to a label).
     */
    FunctionFacts(ParsedSource source, TSNode function, String name, boolean jumps) {
        this(source, function, name, jumps, Nodes.end(function));
    }

    /**
     * The facts of the part of {@code function} before byte {@code end}: where tree-sitter's error recovery ran
     * past the function's closing brace and swallowed the functions after it, the function ends where the first
     * of them starts (see {@link CExtractor}).
     */
    FunctionFacts(ParsedSource source, TSNode function, String name, boolean jumps, int end) {
        this.source = source;
        this.function = function;
        this.name = name;
        this.start = Nodes.start(function);
        this.end = Math.min(end, Nodes.end(function));
        collect(jumps);
        if (jumps && !switches.isEmpty() && !gotos.isEmpty()) {
            addLabelLoops();
        }
    }

    /**
     * A switch a goto inside it jumps back before, to a label standing ahead of it in an enclosing block, loops
     * through that label (berry's VM: {@code loop: switch (op) { .. goto loop; }}, behind macros). The loop spans
     * the label to the switch's end; its node is the labelled statement when that holds the switch, else the
     * switch (a macro writes label and switch on one line). A switch already in a for/while/do loop keeps that
     * loop (json-c's {@code while (..) { redo_char: switch (state) { .. goto redo_char; } }} re-dispatches
     * within the one state machine).
     */
    private void addLabelLoops() {
        List<Span> found = new ArrayList<>();
        for (Span g : gotos) {
            if (g.a() == null) {
                continue;
            }
            Span label = label(text(g.a()));
            if (label == null || label.start() >= g.start()) {
                continue;
            }
            TSNode block = Nodes.parent(label.node());
            if (block == null || Nodes.isNull(block)) {
                continue;
            }
            int blockEnd = Nodes.end(block);
            for (Span sw : switches) {
                if (sw.start() >= label.start() && sw.contains(g) && sw.end() <= blockEnd) {
                    if (innermost(loops, sw) != null) {
                        break;
                    }
                    TSNode node = label.contains(sw) ? label.node() : sw.node();
                    Span loop = new Span(node, label.start(), sw.end(), null, null);
                    if (found.stream().noneMatch(l -> l.start() == loop.start() && l.end() == loop.end())) {
                        found.add(loop);
                    }
                    break;
                }
            }
        }
        if (!found.isEmpty()) {
            loops.addAll(found);
            loops.sort((x, y) -> x.start != y.start ? Integer.compare(x.start, y.start) : Integer.compare(y.end, x.end));
        }
    }

    /** True when tree-sitter's function node runs on past {@link #end} (a cut at a swallowed function). */
    boolean cut() {
        return end < Nodes.end(function);
    }

    /** The 1-based first line of the function. */
    int startLine() {
        return ParsedSource.startLine(function);
    }

    /** The 1-based last line of the function: that of its last byte before a cut. */
    int endLine() {
        if (!cut()) {
            return ParsedSource.endLine(function);
        }
        byte[] b = source.bytes();
        int last = end - 1;
        while (last > start && (b[last] == '\n' || b[last] == ' ' || b[last] == '\t' || b[last] == '\r')) {
            last--;
        }
        return new SourceText(b).lineOf(last);
    }

    private void collect(boolean jumps) {
        List<int[]> regions = new ArrayList<>();
        for (int off : CExtractor.indexAll(source.bytes(), SWITCH, start, end)) {
            // the smallest named node around the keyword token is its statement (see rust.KeywordNodes)
            TSNode sw = Nodes.namedDescendantForByteRange(function, off, off + SWITCH.length);
            if (Nodes.isNull(sw) || !Nodes.type(sw).equals("switch_statement")) {
                continue;
            }
            TSNode region = sw;
            for (TSNode p = Nodes.parent(sw); p != null && !Nodes.isNull(p) && Nodes.start(p) >= start
                    && !Nodes.type(p).equals("function_definition"); p = Nodes.parent(p)) {
                if (isLoop(p)) {
                    region = p;
                    break;
                }
            }
            regions.add(new int[] {Nodes.start(region), Nodes.end(region)});
        }
        regions.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : regions) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] < last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        // Each byte is traversed once: the regions with every pattern, the gaps between them (when the
        // function's labels matter) with the jump patterns only.
        int gapStart = start;
        for (int[] r : merged) {
            if (jumps && r[0] > gapStart) {
                run(JUMPS, gapStart, r[0]);
            }
            run(REGION, r[0], r[1]);
            gapStart = r[1];
        }
        if (jumps && end > gapStart) {
            run(JUMPS, gapStart, end);
        }
        // Matches arrive in pattern-interleaved order; the analyses want source order.
        for (List<Span> l : List.of(switches, cases, loops, assigns, updates, inits, gotos, labels, breaks,
                returns)) {
            l.sort((x, y) -> x.start != y.start ? Integer.compare(x.start, y.start) : Integer.compare(y.end, x.end));
        }
    }

    /**
     * True for a statement that repeats: a for, while or do loop, but not {@code do { ... } while (0)} (the
     * statement-macro idiom) nor {@code while (0)}.
     */
    boolean isLoop(TSNode n) {
        String t = Nodes.type(n);
        if (!t.equals("for_statement") && !t.equals("while_statement") && !t.equals("do_statement")) {
            return false;
        }
        if (t.equals("for_statement")) {
            return true;
        }
        TSNode cond = Nodes.field(n, "condition");
        if (cond == null || Nodes.isNull(cond)) {
            return true;
        }
        String c = compact(text(cond));
        return !(c.equals("(0)") || c.equals("(false)") || c.equals("(0U)") || c.equals("(0u)"));
    }

    /**
     * True when a goto in {@code [from, to)} of {@code bytes} jumps back to a label written before it, or is
     * computed: a text check that decides whether the function's labels are worth a query.
     */
    static boolean hasBackwardOrComputedGoto(byte[] bytes, int from, int to) {
        for (int off : CExtractor.indexAll(bytes, GOTO, from, to)) {
            int i = off + GOTO.length;
            while (i < to && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
                i++;
            }
            if (i < to && bytes[i] == '*') {
                return true;
            }
            int nameStart = i;
            while (i < to && CLexer.isIdentPart((char) (bytes[i] & 0xff))) {
                i++;
            }
            if (i == nameStart) {
                continue;
            }
            byte[] name = java.util.Arrays.copyOfRange(bytes, nameStart, i);
            for (int at : CExtractor.indexAll(bytes, name, from, off)) {
                int k = at + name.length;
                while (k < off && (bytes[k] == ' ' || bytes[k] == '\t')) {
                    k++;
                }
                if (k + 1 < off && bytes[k] == ':' && bytes[k + 1] != ':') {
                    return true;
                }
            }
        }
        return false;
    }

    private void run(String querySource, int from, int to) {
        TSQuery query = Queries.get(ParsedSource.Grammar.C, querySource);
        TSQueryCursor cursor = new TSQueryCursor();
        cursor.setByteRange(from, to);
        cursor.exec(query, function);
        String[] names = captureNames(query);
        TSQueryMatch match = new TSQueryMatch();
        while (cursor.nextMatch(match)) {
            TSNode main = null;
            TSNode a = null;
            TSNode b = null;
            String kind = null;
            for (TSQueryCapture cap : match.getCaptures()) {
                String capName = names[cap.getIndex()];
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
            int s = Nodes.start(main);
            int e = Nodes.end(main);
            // A node belongs to the range it starts in (a labelled loop starts in a gap and ends in a region).
            if (s < from || s >= to) {
                continue;
            }
            Span span = new Span(main, s, e, a, b);
            switch (kind) {
                case "switch" -> switches.add(span);
                case "case" -> cases.add(span);
                case "loop" -> {
                    if (isLoop(main)) {
                        loops.add(span);
                    }
                }
                case "assign" -> assigns.add(span);
                case "update" -> updates.add(span);
                case "init" -> inits.add(span);
                case "decl" -> inits.add(span);
                case "goto" -> gotos.add(span);
                case "label" -> labels.add(span);
                case "break" -> breaks.add(span);
                case "return" -> returns.add(span);
                default -> { }
            }
        }
    }

    private static final java.util.Map<TSQuery, String[]> CAPTURE_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Capture names by index, read once per query (each lookup is a JNI call that makes a string). */
    private static String[] captureNames(TSQuery query) {
        return CAPTURE_NAMES.computeIfAbsent(query, q -> {
            String[] out = new String[q.getCaptureCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = q.getCaptureNameForId(i);
            }
            return out;
        });
    }

    /** The source text of a node. */
    String text(TSNode node) {
        return node == null ? "" : source.text(node);
    }

    private String compactText;

    /** The whole function's text without white space or comments, computed once. */
    String compactText() {
        if (compactText == null) {
            compactText = compact(text(function));
        }
        return compactText;
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
