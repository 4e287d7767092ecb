package io.loopscout.extract.c;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.extract.c.FunctionFacts.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels of a function as states: the code from one label to the next is that label's region; a
 * {@code goto} in region A to label B is a constant edge A→B, and a region that does not end in a jump falls
 * through into the next label.
 */
final class GotoGraph {

    /** A label's region ending in a jump (direct or computed), a return, break or continue: no fallthrough. */
    private static final Pattern ENDS_IN_JUMP = Pattern.compile(
            "(\\bgoto\\s+\\w+|\\bgoto\\s*\\*[^;{}]*|\\b" + MacroExpander.COMPUTED_GOTO
                    + "\\s*\\([^;{}]*\\)|\\breturn\\b[^;{}]*|\\bbreak|\\bcontinue)\\s*;\\s*$");

    final List<String> names = new ArrayList<>();
    final List<Span> labels;
    final List<Edge> edges = new ArrayList<>();
    final List<List<Integer>> successors = new ArrayList<>();
    int gotos;
    int backwardGotos;
    int fallthroughs;
    int exits;

    GotoGraph(FunctionFacts fn) {
        this(fn, fn.labels);
    }

    /** The graph over {@code labels} only (a subset of the function's labels); gotos to others are ignored. */
    GotoGraph(FunctionFacts fn, List<Span> labels) {
        this.labels = labels;
        Map<String, Integer> index = new HashMap<>();
        for (Span l : labels) {
            String name = fn.text(l.a());
            index.putIfAbsent(name, names.size());
            names.add(name);
            successors.add(new ArrayList<>());
        }
        for (Span g : fn.gotos) {
            Integer to = index.get(fn.text(g.a()));
            if (to == null) {
                continue;
            }
            gotos++;
            if (labels.get(to).start() < g.start()) {
                backwardGotos++;
            }
            int from = regionOf(g.start());
            if (from >= 0) {
                edges.add(new Edge(from, to, EdgeKind.CONSTANT));
                successors.get(from).add(to);
            }
        }
        for (int i = 0; i + 1 < labels.size(); i++) {
            int from = labels.get(i).start();
            int to = labels.get(i + 1).start();
            if (!endsInJump(codeOf(fn.source.bytes(), from, to), 0)) {
                fallthroughs++;
                edges.add(new Edge(i, i + 1, EdgeKind.FALLTHROUGH));
                successors.get(i).add(i + 1);
            }
        }
        for (Span r : fn.returns) {
            int from = regionOf(r.start());
            exits++;
            if (from >= 0) {
                edges.add(new Edge(from, -1, EdgeKind.EXIT));
            }
        }
    }

    /**
     * True when a label's region cannot run into the next label: its last statement jumps, also when that
     * statement is a plain block ending in a jump (re2c's actions, <code>{ return TOKEN; }</code>). A block of
     * an {@code if}, loop or {@code switch} may be skipped or left: control can run on.
     */
    static boolean endsInJump(String code, int depth) {
        String t = code.stripTrailing();
        if (!t.endsWith("}") || depth > 8) {
            Matcher jump = ENDS_IN_JUMP.matcher(t);
            if (!jump.find()) {
                return false;
            }
            // `if (c) goto x;` may not be taken: the region runs on
            String before = t.substring(0, jump.start()).stripTrailing();
            return !before.endsWith(")") && !before.endsWith("else");
        }
        int open = matchingOpen(t, t.length() - 1);
        if (open < 0) {
            return false;
        }
        String before = t.substring(0, open).stripTrailing();
        boolean plainBlock = before.isEmpty() || before.endsWith(";") || before.endsWith("}")
                || before.endsWith("{") || before.endsWith(":") && !before.endsWith("::");
        return plainBlock && endsInJump(t.substring(open + 1, t.length() - 1), depth + 1);
    }

    /** The index of the brace opening the one closing at {@code close}, or -1. */
    private static int matchingOpen(String t, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = t.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The code of {@code [from, to)} with comments blanked (strings and chars kept). */
    private static String codeOf(byte[] bytes, int from, int to) {
        String t = new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            int skip = CLexer.skipNonCode(t, i);
            if (skip != i && t.charAt(i) == '/') {
                out.append(' ');
                i = skip;
            } else if (skip != i) {
                out.append(t, i, skip);
                i = skip;
            } else {
                out.append(t.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The index of the label whose region holds byte {@code pos}, or -1 before the first label. */
    int regionOf(int pos) {
        int found = -1;
        for (int i = 0; i < labels.size() && labels.get(i).start() <= pos; i++) {
            found = i;
        }
        return found;
    }

    StateGraph graph() {
        return new StateGraph(names, edges);
    }

    /** How many labels lie on a cycle (a strongly connected component of two or more, or a self-loop). */
    int labelsOnCycles() {
        int n = names.size();
        int[] idx = new int[n];
        int[] low = new int[n];
        boolean[] on = new boolean[n];
        java.util.Arrays.fill(idx, -1);
        int[] counter = {0};
        int[] result = {0};
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        for (int v = 0; v < n; v++) {
            if (idx[v] < 0) {
                tarjan(v, idx, low, on, stack, counter, result);
            }
        }
        return result[0];
    }

    // Iterative Tarjan would be safer for huge generated lexers; recursion depth is bounded by the label count.
    private void tarjan(int v, int[] idx, int[] low, boolean[] on, java.util.ArrayDeque<Integer> stack,
                        int[] counter, int[] result) {
        idx[v] = low[v] = counter[0]++;
        stack.push(v);
        on[v] = true;
        for (int w : successors.get(v)) {
            if (idx[w] < 0) {
                tarjan(w, idx, low, on, stack, counter, result);
                low[v] = Math.min(low[v], low[w]);
            } else if (on[w]) {
                low[v] = Math.min(low[v], idx[w]);
            }
        }
        if (low[v] == idx[v]) {
            List<Integer> comp = new ArrayList<>();
            int w;
            do {
                w = stack.pop();
                on[w] = false;
                comp.add(w);
            } while (w != v);
            if (comp.size() > 1 || successors.get(v).contains(v)) {
                result[0] += comp.size();
            }
        }
    }
}
