package io.loopscout.extract.c;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the {@code #if} groups tree-sitter cannot parse: those whose branches are unbalanced
 * ({@code #ifdef X if (a) { #else if (b) { #endif}) or that split an expression (a branch holding half a
 * condition). Such a group keeps its first branch; its directives and other branches become empty lines, so
 * line numbers do not move. Balanced groups are left alone: tree-sitter parses both sides, and a pattern
 * counts if either side has it.
 */
final class ConditionalBlanker {

    private ConditionalBlanker() {
    }

    /** One {@code #if ... #endif} group: the line indexes of its directives. */
    private static final class Group {
        final int open;
        final List<Integer> branches = new ArrayList<>();
        int close = -1;
        boolean hasNested;

        Group(int open) {
            this.open = open;
            branches.add(open);
        }
    }

    /** The text with unparseable groups resolved to their first branch, or {@code text} itself if none. */
    static String blank(String text) {
        if (!text.contains("#if")) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        List<Group> groups = new ArrayList<>();
        List<Group> stack = new ArrayList<>();
        boolean[] continued = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            if (i > 0 && continued[i - 1]) {
                continued[i] = lines[i].endsWith("\\");
                continue;
            }
            String t = lines[i].stripLeading();
            continued[i] = lines[i].endsWith("\\");
            if (!t.startsWith("#")) {
                continue;
            }
            String d = t.substring(1).stripLeading();
            if (d.startsWith("if")) {
                Group g = new Group(i);
                if (!stack.isEmpty()) {
                    stack.get(stack.size() - 1).hasNested = true;
                }
                stack.add(g);
                groups.add(g);
            } else if ((d.startsWith("elif") || d.startsWith("else")) && !stack.isEmpty()) {
                stack.get(stack.size() - 1).branches.add(i);
            } else if (d.startsWith("endif") && !stack.isEmpty()) {
                stack.remove(stack.size() - 1).close = i;
            }
        }
        boolean[] drop = new boolean[lines.length];
        boolean any = false;
        for (Group g : groups) {
            if (g.close < 0 || g.hasNested || !needsResolving(lines, g)) {
                continue;
            }
            any = true;
            drop[g.open] = true;
            int firstEnd = g.branches.size() > 1 ? g.branches.get(1) : g.close;
            for (int i = firstEnd; i <= g.close; i++) {
                drop[i] = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            if (!drop[i]) {
                out.append(lines[i]);
            }
        }
        return out.toString();
    }

    private static boolean needsResolving(String[] lines, Group g) {
        List<Integer> bounds = new ArrayList<>(g.branches);
        bounds.add(g.close);
        for (int b = 0; b + 1 < bounds.size(); b++) {
            StringBuilder branch = new StringBuilder();
            for (int i = bounds.get(b) + 1; i < bounds.get(b + 1); i++) {
                branch.append(lines[i]).append('\n');
            }
            if (!balanced(branch)) {
                return true;
            }
        }
        // A group opening in the middle of an expression: the code before it ends in an operator or '('.
        for (int i = g.open - 1; i >= 0 && i >= g.open - 20; i--) {
            String t = lines[i].strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("//") || t.startsWith("*") || t.endsWith("*/")) {
                if (t.isEmpty() || t.startsWith("#")) {
                    return false;
                }
                continue;
            }
            char last = t.charAt(t.length() - 1);
            return "(,&|?:=+-<>!".indexOf(last) >= 0 && !t.endsWith("::") && !isLabelOrCase(t);
        }
        return false;
    }

    private static boolean isLabelOrCase(String t) {
        return t.endsWith(":") && (t.startsWith("case ") || t.startsWith("default") || t.matches("\\w+\\s*:"));
    }

    private static boolean balanced(CharSequence s) {
        int paren = 0;
        int brace = 0;
        int i = 0;
        while (i < s.length()) {
            int skip = CLexer.skipNonCode(s, i);
            if (skip != i) {
                i = skip;
                continue;
            }
            switch (s.charAt(i++)) {
                case '(' -> paren++;
                case ')' -> paren--;
                case '{' -> brace++;
                case '}' -> brace--;
                default -> { }
            }
        }
        return paren == 0 && brace == 0;
    }
}
