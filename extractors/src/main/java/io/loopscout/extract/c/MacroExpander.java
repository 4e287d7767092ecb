package io.loopscout.extract.c;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites C text so that tree-sitter sees the control flow macros hide: invocations of
 * {@link MacroTable#controlFlowMacros() control-flow macros} and {@link MacroTable#placeMacros() accessors of a
 * fixed place} are replaced by their expansion, and GCC's
 * {@code goto *expr;} (which the grammar lacks) by the call {@code __loopscout_goto(expr);}.
 *
 * <p>Line numbers are preserved: an expansion is written on the invocation's first line and the lines the
 * invocation spanned follow as empty lines, so findings map back to the original file line by line.
 * Directives, comments and literals are copied unchanged.
 */
final class MacroExpander {

    /** The callee standing for a computed goto in rewritten text. */
    static final String COMPUTED_GOTO = "__loopscout_goto";

    /** Expanded text larger than this per invocation is left unexpanded (a macro bomb or a runaway recursion). */
    private static final int MAX_EXPANSION = 1 << 16;
    private static final int MAX_DEPTH = 24;

    /**
     * The rewritten text.
     *
     * @param macroLines   1-based lines holding an expansion
     * @param alternatives true when an expanded macro has another control-flow definition (worth a second variant)
     * @param computedGotos how many computed gotos were rewritten
     */
    record Result(String text, BitSet macroLines, boolean alternatives, int computedGotos) {

        boolean changed(String original) {
            return !macroLines.isEmpty() || computedGotos > 0 || !text.equals(original);
        }
    }

    private final MacroTable table;
    /** Control-flow macros and accessors of a fixed place ({@link MacroTable#placeMacros()}): both expanded. */
    private final Set<String> expanded;
    private final java.util.Map<String, MacroTable.Definition> noise;
    private final NameFilter names;
    private final int variant;
    private final BitSet macroLines = new BitSet();
    private boolean alternatives;
    private int computedGotos;

    private MacroExpander(MacroTable table, int variant, String text) {
        this.table = table;
        this.expanded = new HashSet<>(table.controlFlowMacros());
        expanded.addAll(table.placeMacros());
        // A statement macro storing places (LOAD(), RESTORE() beside SET_BAD in zlib-ng) matters only where a
        // switch reads one of them: elsewhere its expansion only costs time and, through unknown types in
        // casts, parse errors.
        if (!table.storeMacros().isEmpty()) {
            Set<String> switched = switchConditions(text);
            table.storeMacros().forEach((name, places) -> {
                if (places.stream().noneMatch(switched::contains)) {
                    expanded.remove(name);
                }
            });
        }
        this.noise = table.noiseMacros();
        Set<String> all = new HashSet<>(expanded);
        all.addAll(noise.keySet());
        all.add("goto");
        all.add("__LINE__");
        this.names = new NameFilter(all);
        this.variant = variant;
    }

    /** Expands {@code text} using, for each macro, its {@code variant}-th distinct definition (or its last). */
    static Result expand(String text, MacroTable table, int variant) {
        MacroExpander e = new MacroExpander(table, variant, text);
        String out = e.scan(text, true, new HashSet<>(), 1, 0);
        return new Result(out, e.macroLines, e.alternatives, e.computedGotos);
    }

    /** The conditions of the text's {@code switch} statements, white space removed (one pass over the text). */
    private static Set<String> switchConditions(String text) {
        Set<String> out = new HashSet<>();
        for (int i = text.indexOf("switch"); i >= 0; i = text.indexOf("switch", i + 6)) {
            if (i > 0 && CLexer.isIdentPart(text.charAt(i - 1))) {
                continue;
            }
            int k = skipSpace(text, i + 6);
            if (k < text.length() && text.charAt(k) == '(') {
                Args args = Args.read(text, k);
                if (args != null && args.values().size() == 1) {
                    out.add(args.values().get(0).replaceAll("\\s+", ""));
                }
            }
        }
        return out;
    }

    /** True when the text may need rewriting: macros to expand are known, or it has a computed goto. */
    static boolean mayNeedExpansion(String text, MacroTable table) {
        return !table.controlFlowMacros().isEmpty() || !table.noiseMacros().isEmpty()
                || !table.placeMacros().isEmpty() || hasComputedGoto(text);
    }

    private static boolean hasComputedGoto(String text) {
        int i = text.indexOf("goto");
        while (i >= 0) {
            int j = i + 4;
            while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '*') {
                return true;
            }
            i = text.indexOf("goto", i + 4);
        }
        return false;
    }

    /**
     * Copies {@code s}, expanding control-flow macros not in {@code disabled}.
     *
     * @param top  true for the file itself (directives are copied, lines tracked); false for a rescan of an
     *             expansion
     * @param line the 1-based line {@code s} starts on ({@code __LINE__} in expansions)
     */
    private String scan(String s, boolean top, Set<String> disabled, int line, int depth) {
        StringBuilder out = null;
        int copied = 0;
        int n = s.length();
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                lineStart = true;
                continue;
            }
            if (top && lineStart && c == '#') {
                int end = directiveEnd(s, i);
                line += count(s, i, end, '\n');
                i = end;
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                lineStart = false;
            }
            if (c == '/' || c == '"' || c == '\'') {
                int skip = CLexer.skipNonCode(s, i);
                if (skip != i) {
                    line += count(s, i, skip, '\n');
                    i = skip;
                    continue;
                }
            }
            if (!CLexer.isIdentStart(c) || (i > 0 && CLexer.isIdentPart(s.charAt(i - 1)))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && CLexer.isIdentPart(s.charAt(j))) {
                j++;
            }
            if (!names.mayContain(s, i, j)) {
                i = j;
                continue;
            }
            String id = s.substring(i, j);
            int consumed = -1;
            String replacement = null;
            boolean macro = true;
            if (id.equals("goto")) {
                macro = false;
                int k = skipSpace(s, j);
                if (k < n && s.charAt(k) == '*') {
                    int semi = statementEnd(s, k + 1);
                    replacement = COMPUTED_GOTO + "(" + s.substring(k + 1, semi).strip() + ");";
                    consumed = semi < n && s.charAt(semi) == ';' ? semi + 1 : semi;
                    computedGotos++;
                }
            } else if (id.equals("__LINE__") && !top) {
                replacement = Integer.toString(line);
                consumed = j;
            } else if (expanded.contains(id) && !disabled.contains(id) && depth < MAX_DEPTH) {
                List<MacroTable.Definition> alts = table.alternatives(id);
                if (alts.size() > 1) {
                    alternatives = true;
                }
                MacroTable.Definition d = alts.isEmpty() ? table.definitions(id).get(0)
                        : alts.get(Math.min(variant, alts.size() - 1));
                if (!d.functionLike()) {
                    replacement = rescanWithin(d.body(), id, disabled, line, depth, top);
                    consumed = j;
                } else {
                    int k = skipSpace(s, j);
                    if (k < n && s.charAt(k) == '(') {
                        Args args = Args.read(s, k);
                        if (args != null) {
                            replacement = rescanWithin(substitute(d, args.values), id, disabled, line, depth,
                                    top);
                            consumed = args.end;
                        }
                    }
                }
            }
            if (replacement == null && noise.containsKey(id) && !disabled.contains(id)) {
                macro = false;
                MacroTable.Definition d = noise.get(id);
                if (!d.functionLike()) {
                    replacement = d.body();
                    consumed = j;
                } else {
                    int k = skipSpace(s, j);
                    Args args = k < n && s.charAt(k) == '(' ? Args.read(s, k) : null;
                    if (args != null && args.values.size() == 1) {
                        replacement = scan(args.values.get(0), false, disabled, line, depth + 1);
                        consumed = args.end;
                    }
                }
            }
            if (replacement == null || replacement.length() > MAX_EXPANSION) {
                i = j;
                continue;
            }
            int spanned = count(s, i, consumed, '\n');
            if (top && macro) {
                macroLines.set(line, line + spanned + 1);
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 64);
            }
            out.append(s, copied, i);
            out.append(replacement.replace('\n', ' ').replace('\r', ' '));
            if (!top && out.length() > MAX_EXPANSION) {
                throw new TooLarge();
            }
            for (int k = 0; k < spanned; k++) {
                out.append('\n');
            }
            line += spanned;
            i = consumed;
            copied = consumed;
        }
        if (out == null) {
            return s;
        }
        out.append(s, copied, n);
        return out.toString();
    }

    /** Thrown inside an expansion that outgrew {@link #MAX_EXPANSION} (a macro bomb); the invocation stays as is. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** The rescanned expansion; at the top level, null when it grew too large. */
    private String rescanWithin(String body, String name, Set<String> disabled, int line, int depth, boolean top) {
        if (!top) {
            return rescan(body, name, disabled, line, depth);
        }
        try {
            return rescan(body, name, disabled, line, depth);
        } catch (TooLarge e) {
            return null;
        }
    }

    private String rescan(String body, String name, Set<String> disabled, int line, int depth) {
        Set<String> inner = new HashSet<>(disabled);
        inner.add(name);
        return " " + scan(body, false, inner, line, depth + 1) + " ";
    }

    /** The body with parameters replaced by arguments, {@code #x} stringified and {@code ##} pasted. */
    static String substitute(MacroTable.Definition d, List<String> args) {
        String body = d.body();
        StringBuilder out = new StringBuilder(body.length() + 32);
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            int skip = CLexer.skipNonCode(body, i);
            if (skip != i) {
                out.append(body, i, skip);
                i = skip;
                continue;
            }
            if (c == '#' && i + 1 < n && body.charAt(i + 1) == '#') {
                // Token pasting: drop the operator and the white space around it.
                while (out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1);
                }
                i = skipSpace(body, i + 2);
                continue;
            }
            if (c == '#') {
                int k = skipSpace(body, i + 1);
                int e = k;
                while (e < n && CLexer.isIdentPart(body.charAt(e))) {
                    e++;
                }
                int p = d.params().indexOf(body.substring(k, e));
                if (p >= 0) {
                    String arg = p < args.size() ? args.get(p) : "";
                    out.append('"').append(arg.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                    i = e;
                    continue;
                }
                out.append(c);
                i++;
                continue;
            }
            if (CLexer.isIdentStart(c)) {
                int e = i + 1;
                while (e < n && CLexer.isIdentPart(body.charAt(e))) {
                    e++;
                }
                String id = body.substring(i, e);
                int p = d.params().indexOf(id);
                if (p >= 0) {
                    if (id.equals("__VA_ARGS__") || (p == d.params().size() - 1 && d.params().contains("__VA_ARGS__"))) {
                        out.append(String.join(",", args.subList(Math.min(p, args.size()), args.size())));
                    } else {
                        out.append(p < args.size() ? args.get(p) : "");
                    }
                } else {
                    out.append(id);
                }
                i = e;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The arguments of an invocation: text between the parentheses, split at top-level commas. */
    record Args(List<String> values, int end) {

        static Args read(String s, int open) {
            java.util.ArrayList<String> values = new java.util.ArrayList<>();
            int depth = 0;
            int start = open + 1;
            int i = open;
            int n = s.length();
            while (i < n) {
                int skip = CLexer.skipNonCode(s, i);
                if (skip != i) {
                    i = skip;
                    continue;
                }
                char c = s.charAt(i);
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                    if (depth == 0) {
                        String last = s.substring(start, i).strip();
                        if (!(values.isEmpty() && last.isEmpty())) {
                            values.add(last);
                        }
                        return new Args(values, i + 1);
                    }
                } else if (c == ',' && depth == 1) {
                    values.add(s.substring(start, i).strip());
                    start = i + 1;
                } else if (c == ';' && depth == 1 && i - open > 4096) {
                    return null;
                }
                i++;
            }
            return null;
        }
    }

    /**
     * A cheap pre-check for identifiers: first character and length must match some macro name before the
     * identifier is cut out of the text (most identifiers of a large file are not macros).
     */
    private static final class NameFilter {
        private final long[] lengthsByFirst = new long[128];

        NameFilter(Set<String> names) {
            for (String name : names) {
                char f = name.charAt(0);
                if (f < 128) {
                    lengthsByFirst[f] |= 1L << Math.min(63, name.length());
                }
            }
        }

        boolean mayContain(String s, int from, int to) {
            char f = s.charAt(from);
            return f < 128 && (lengthsByFirst[f] & (1L << Math.min(63, to - from))) != 0;
        }
    }

    /** The end of the directive starting at {@code i}: its last line without a continuation backslash. */
    static int directiveEnd(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (i > 0 && s.charAt(i - 1) == '\\' || (i > 1 && s.charAt(i - 1) == '\r' && s.charAt(i - 2) == '\\')) {
                    i++;
                    continue;
                }
                return i;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = CLexer.skipNonCode(s, i);
                continue;
            }
            i++;
        }
        return n;
    }

    /** The index of the {@code ;} ending the expression that starts at {@code i} (or the text's end). */
    private static int statementEnd(String s, int i) {
        int depth = 0;
        int n = s.length();
        while (i < n) {
            int skip = CLexer.skipNonCode(s, i);
            if (skip != i) {
                i = skip;
                continue;
            }
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if ((c == ';' && depth <= 0) || c == '}' || c == '{') {
                return i;
            }
            i++;
        }
        return n;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int count(String s, int from, int to, char c) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                k++;
            }
        }
        return k;
    }
}
