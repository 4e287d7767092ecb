package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.SyntaxNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tree and text helpers shared by the planner's steps (analysis, normalisations, emission). */
final class Syntax {

    static final Set<String> BLOCK_LIKE = Set.of("if_expression", "match_expression", "loop_expression",
            "while_expression", "for_expression", "block", "unsafe_block", "async_block", "const_block");
    static final Set<String> LOOPS = Set.of("loop_expression", "while_expression", "for_expression");
    /** Bodies whose breaks, continues and assignments belong to someone else. */
    static final Set<String> BARRIERS = Set.of("closure_expression", "function_item", "async_block",
            "const_item", "static_item", "impl_item", "trait_item", "mod_item", "const_block");
    static final Set<String> DIVERGING_MACROS = Set.of("panic", "unreachable", "todo", "unimplemented");
    static final Pattern WORD_BREAK = Pattern.compile("\\b(break|continue)\\b");

    private Syntax() {
    }

    static List<SyntaxNode> arms(SyntaxNode match) {
        SyntaxNode block = match.child("body");
        return block.namedChildren().stream().filter(c -> c.is("match_arm")).toList();
    }

    static boolean has(SyntaxNode n, String type) {
        for (SyntaxNode d : n.descendants()) {
            if (d.type.equals(type)) {
                return true;
            }
        }
        return false;
    }

    static SyntaxNode lastNamed(SyntaxNode n) {
        List<SyntaxNode> c = n.namedChildren();
        return c.isEmpty() ? null : c.get(c.size() - 1);
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * {@code s} without comments, with string and char literals emptied. Char literals go first (a {@code '"'}
     * would otherwise open a string running to the next quote); the quantifiers are possessive so that a long
     * literal does not recurse once per character (a stack overflow on real files).
     */
    static String withoutCommentsAndStrings(String s) {
        return s.replaceAll("//[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("'(?:[^'\\\\\\n]|\\\\(?:x[0-9a-fA-F]{2}|u\\{[0-9a-fA-F]{1,6}\\}|.))'", "' '")
                .replaceAll("\"(?:[^\"\\\\]++|\\\\.)*+\"", "\"\"");
    }

    static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** A label or local name not used anywhere in {@code scope} (the enclosing function's text). */
    static String fresh(String scope, String base) {
        // the usual case, read without a regex: the scope never spells the name, and only a block comment's removal
        // could join two words into it
        boolean isLabel = base.equals("next_state") || base.equals("state_loop");
        if (!scope.contains(base) && !scope.contains("/*")) {
            return isLabel ? "'" + base : base;
        }
        Set<String> used = namesIn(scope);
        String name = base;
        for (int i = 2; used.contains(name) || scope.contains("'" + name); i++) {
            name = base + i;
        }
        return isLabel ? "'" + name : name;
    }

    /** The names of the last scope asked about: a loop's labels and copy are named in one scope in a row. */
    private static volatile UsedNames lastUsed;

    private record UsedNames(String scope, Set<String> names) {
    }

    /** The words of {@code scope} that can bind a name (not after '.', not in comments or strings). */
    private static Set<String> namesIn(String scope) {
        UsedNames u = lastUsed;
        if (u != null && u.scope().equals(scope)) {
            return u.names();
        }
        // a name after '.' is a field or method, which a local of that name does not shadow
        // comments do not bind names either
        String code = withoutCommentsAndStrings(scope);
        Set<String> names = Set.copyOf(words(code.replaceAll("\\.\\s*[A-Za-z_][A-Za-z0-9_]*", ".")));
        lastUsed = new UsedNames(scope, names);
        return names;
    }

    /** A value rustc can resolve to an arm at compile time (shared/loop-match.md). */
    static boolean isConstant(SyntaxNode n, String scope) {
        if (n.is("integer_literal", "char_literal", "boolean_literal", "float_literal")) {
            return true;
        }
        if (n.is("unary_expression")) {
            List<SyntaxNode> c = n.namedChildren();
            return n.text().startsWith("-") && c.size() == 1 && c.get(0).is("integer_literal", "float_literal");
        }
        if (n.is("scoped_identifier")) {
            SyntaxNode name = n.child("name");
            return name != null && Character.isUpperCase(name.text().charAt(0)) && !has(n, "generic_type");
        }
        if (n.is("identifier")) {
            String name = n.text();
            // an uppercase name is a const item or a variant imported with `use`, unless a local binds it
            return Character.isUpperCase(name.charAt(0)) && !LetBindings.of(scope).binds(name);
        }
        return false;
    }

    /**
     * Where a {@code let} (or {@code let mut}) of {@code scope} binds a name: the offsets just after it. Planning asks
     * {@link #isConstant} about many names of one scope (the enclosing function's text, up to hundreds of KB), so the
     * text is scanned once per scope instead of once per name; the answer is that of
     * {@code \blet\s+(mut\s+)?NAME\b} over the scope.
     */
    record LetBindings(String scope, int[] nameStarts) {

        private static final Pattern LET = Pattern.compile("\\blet\\s+");
        private static final Pattern MUT = Pattern.compile("mut\\s+");
        private static final Pattern BOUNDARY = Pattern.compile("\\b");
        /** The last scope asked about (planning goes one loop, so one scope, at a time). */
        private static volatile LetBindings last;

        static LetBindings of(String scope) {
            LetBindings l = last;
            if (l != null && l.scope == scope) {
                return l;
            }
            // a name starts with a letter, so it starts where the whitespace after `let` (or `let mut`) ends
            List<Integer> starts = new java.util.ArrayList<>();
            Matcher let = LET.matcher(scope);
            Matcher mut = MUT.matcher(scope);
            while (let.find()) {
                starts.add(let.end());
                mut.region(let.end(), scope.length());
                if (mut.lookingAt()) {
                    starts.add(mut.end());
                }
            }
            l = new LetBindings(scope, starts.stream().mapToInt(Integer::intValue).toArray());
            last = l;
            return l;
        }

        boolean binds(String name) {
            Matcher boundary = BOUNDARY.matcher(scope).useTransparentBounds(true).useAnchoringBounds(false);
            for (int at : nameStarts) {
                if (scope.startsWith(name, at)) {
                    boundary.region(at + name.length(), scope.length());
                    if (boundary.lookingAt()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The labelled breaks of {@code label} below {@code n}, not looking into closures and items. */
    static void collectBreaks(SyntaxNode n, String label, List<SyntaxNode> out) {
        if (BARRIERS.contains(n.type)) {
            return;
        }
        if (n.is("break_expression")) {
            SyntaxNode l = n.childOfType("label");
            if (l != null && l.text().equals(label)) {
                out.add(n);
            }
        }
        for (SyntaxNode c : n.children()) {
            collectBreaks(c, label, out);
        }
    }

    static boolean onlyWhitespace(byte[] src, int from, int to) {
        for (int i = from; i < to; i++) {
            if (src[i] != ' ' && src[i] != '\t' && src[i] != '\n' && src[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    static int lineStart(byte[] src, int offset) {
        int i = offset;
        while (i > 0 && src[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    static String indentAt(byte[] src, int offset) {
        int s = lineStart(src, offset);
        int i = s;
        while (i < src.length && (src[i] == ' ' || src[i] == '\t')) {
            i++;
        }
        return new String(src, s, i - s, StandardCharsets.UTF_8);
    }
}
