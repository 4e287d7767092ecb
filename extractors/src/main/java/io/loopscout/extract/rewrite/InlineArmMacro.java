package io.loopscout.extract.rewrite;

import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.SourceText;
import io.loopscout.extract.parse.SyntaxNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Normalisation: an arm whose value applies a macro of the same file that makes the transition (miniz_oxide's
 * {@code generate_state!(state, 'state_machine, { .. Action::Jump(State::X) .. })}, whose expansion is
 * {@code loop { match $f { Action::Jump(new_state) => { $state = new_state; continue $sm; } .. } }}) gets the
 * macro written out, and every constant the macro's match receives straight from the arm's code
 * ({@code Action::Jump(State::X)} as a tail of the block, an {@code if} or a {@code match}) is resolved to what
 * that arm of the macro's match does with it: {@code { state = State::X; continue 'state_machine; }}, a
 * transition the emission turns into {@code #[const_continue]}. Values that come out of a closure or a call
 * stay dynamic and go through the macro's match as before.
 *
 * <p>Only macros with one rule of plain {@code $name:kind} parameters are written out; the arm is left as it is
 * when a name the macro binds also occurs in the arguments (the textual copy could capture it), and a leaf is
 * resolved only when the macro's arm is exactly a state assignment followed by a jump out of the arm.
 */
final class InlineArmMacro implements Normalisation {

    private static final Set<String> KEYWORDS = Set.of("loop", "match", "continue", "break", "return", "if",
            "else", "let", "mut", "ref", "in", "for", "while", "as", "true", "false", "self", "unsafe", "move");
    private static final String MACRO_RULES = "macro_rules!";
    private static final Pattern WORD = Pattern.compile("(?<![\\w$'])[a-z_][A-Za-z0-9_]*");

    @Override
    public String id() {
        return "inline-arm-macro";
    }

    /**
     * The {@link #macroRules} of the last file asked about, kept for its next loops: read once per file, not once
     * per loop with a macro arm (the definitions are copies, never changed, so loops may share them).
     */
    private record MacroRules(ParsedSource file, Map<String, SyntaxNode> byName) {

        private static volatile MacroRules last;

        static Map<String, SyntaxNode> of(ParsedSource parsed) {
            MacroRules m = last;
            if (m == null || m.file != parsed) {
                m = new MacroRules(parsed, java.util.Collections.unmodifiableMap(macroRules(parsed)));
                last = m;
            }
            return m.byName;
        }
    }

    @Override
    public List<TextEdit> apply(LoopSite site) {
        SyntaxNode body = site.loop().child("body");
        // on the bytes: the file's text as a String would be a copy of the whole file for each loop
        if (body == null || indexOf(site.src(), MACRO_RULES.getBytes(StandardCharsets.US_ASCII), 0) < 0) {
            return List.of();
        }
        List<SyntaxNode> stmts = body.statements();
        int at = StatementsIntoArms.dispatchIndex(stmts, site);
        if (at < 0) {
            return List.of();
        }
        SyntaxNode match = stmts.get(at).expression();
        String state = Syntax.squash(match.child("value").text());
        Map<String, SyntaxNode> macros = null;
        List<TextEdit> edits = new ArrayList<>();
        boolean anyResolved = false;
        for (SyntaxNode arm : Syntax.arms(match)) {
            SyntaxNode value = arm.child("value");
            if (value == null || !value.is("macro_invocation") || value.child("macro") == null) {
                continue;
            }
            if (macros == null) {
                macros = MacroRules.of(site.file());
            }
            SyntaxNode def = macros.get(value.child("macro").text());
            String expansion = def == null ? null : expand(def, value, Syntax.indentAt(site.src(), arm.start));
            if (expansion == null) {
                continue;
            }
            String resolved = resolveConstants(expansion, state, site.scope());
            anyResolved |= resolved != null;
            // an arm with nothing to resolve is written out too: its jumps then show they never fall through
            edits.add(new TextEdit(value.start, value.end, resolved != null ? resolved : expansion));
        }
        return anyResolved ? edits : List.of();
    }

    /**
     * The macro's template indented for the arm: its lines after the first lose their common indentation and
     * get the arm's plus one level.
     */
    private static String reindent(String text, String armIndent) {
        String[] lines = text.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                common = Math.min(common, lines[i].length() - lines[i].stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].isBlank() ? "" : lines[i].substring(Math.min(common, lines[i].length()));
            out.append('\n').append(line.isEmpty() ? "" : armIndent + "    " + line);
        }
        return out.toString();
    }

    /**
     * The file's {@code macro_rules!} definitions by name (a copy of each definition node), read from the tree the
     * loop was found in (no second parse of the file). Only the definitions are copied, found from their keyword
     * in the text: a copy of the whole file cost more than its parse.
     */
    static Map<String, SyntaxNode> macroRules(ParsedSource parsed) {
        Map<String, SyntaxNode> out = new HashMap<>();
        SourceText source = new SourceText(parsed.bytes());
        byte[] bytes = parsed.bytes();
        byte[] keyword = MACRO_RULES.getBytes(StandardCharsets.US_ASCII);
        for (int at = indexOf(bytes, keyword, 0); at >= 0; at = indexOf(bytes, keyword, at + 1)) {
            // the keyword is the definition's first token (anonymous), so the definition is the smallest named
            // node around it; in a comment, a string or a macro's tokens it is no definition
            TSNode n = Nodes.namedDescendantForByteRange(parsed.root(), at, at + keyword.length);
            if (Nodes.isNull(n) || Nodes.start(n) != at || !Nodes.type(n).equals("macro_definition")) {
                continue;
            }
            SyntaxNode def = SyntaxNode.copyOf(n, source);
            if (def.child("name") != null) {
                out.merge(def.child("name").text(), def, (a, b) -> null); // two definitions: unknown which applies
            }
        }
        return out;
    }

    private static int indexOf(byte[] bytes, byte[] word, int from) {
        outer:
        for (int i = from; i <= bytes.length - word.length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (bytes[i + j] != word[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The text of {@code call} with {@code def}'s single rule written out, or null when the macro is not that
     * simple (several rules, repetitions, a pattern other than {@code $name:kind} separated by commas, a
     * different number of arguments, or a name it binds that the arguments use too).
     */
    static String expand(SyntaxNode def, SyntaxNode call, String armIndent) {
        List<SyntaxNode> rules = def.namedChildren().stream().filter(c -> c.is("macro_rule")).toList();
        if (rules.size() != 1) {
            return null;
        }
        SyntaxNode left = rules.get(0).child("left");
        SyntaxNode right = rules.get(0).child("right");
        if (left == null || right == null || right.text().contains("$(")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (SyntaxNode c : left.children()) {
            if (c.is("token_binding_pattern") && c.child("name") != null && c.child("type") != null) {
                names.add(c.child("name").text());
                kinds.add(c.child("type").text());
            } else if (!c.is("(", ")", "[", "]", "{", "}", ",")) {
                return null;
            }
        }
        SyntaxNode tokens = call.childOfType("token_tree");
        List<String> args = tokens == null ? null : arguments(tokens);
        if (args == null || args.size() != names.size()) {
            return null;
        }
        String bodyText = right.text();
        String template = reindent(bodyText.substring(1, bodyText.length() - 1).stripTrailing(), armIndent);
        Set<String> argWords = new java.util.HashSet<>();
        args.forEach(a -> argWords.addAll(words(a)));
        for (String w : words(template.replaceAll("\\$[A-Za-z_][A-Za-z0-9_]*", " "))) {
            if (KEYWORDS.contains(w) || !argWords.contains(w)) {
                continue;
            }
            // the copy would let the macro's own binding capture the caller's name: rename the binding
            if (!Pattern.compile("\\(\\s*" + w + "\\s*\\)\\s*=>|\\blet\\s+(mut\\s+)?" + w + "\\b").matcher(template).find()) {
                return null; // not a binding of the macro (a name it takes from its definition's scope)
            }
            String fresh = w;
            for (int i = 2; argWords.contains(fresh) || template.matches("(?s).*\\b" + fresh + "\\b.*"); i++) {
                fresh = w + i;
            }
            template = template.replaceAll("(?<![\\w$])" + w + "(?!\\w)", fresh);
        }
        Map<String, String> subst = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String a = args.get(i).strip();
            boolean bare = a.matches("(?s)[A-Za-z_][A-Za-z0-9_]*|'[A-Za-z_][A-Za-z0-9_]*|\\{.*\\}|\\(.*\\)")
                    || !kinds.get(i).equals("expr");
            subst.put(names.get(i), bare ? a : "(" + a + ")");
        }
        Matcher m = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = "$" + m.group(1);
            String rep = name.equals("$crate") ? "crate" : subst.get(name);
            if (rep == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return "{" + out + "\n" + armIndent + "}";
    }

    /** The arguments of a macro call: the text between the top-level commas of its token tree. */
    private static List<String> arguments(SyntaxNode tokens) {
        List<SyntaxNode> kids = tokens.children();
        if (kids.size() < 2) {
            return null;
        }
        List<String> out = new ArrayList<>();
        String text = tokens.text();
        int base = tokens.start;
        int from = kids.get(0).end;
        for (SyntaxNode k : kids.subList(1, kids.size() - 1)) {
            if (k.is(",")) {
                out.add(text.substring(from - base, k.start - base));
                from = k.end;
            }
        }
        String last = text.substring(from - base, kids.get(kids.size() - 1).start - base);
        if (!last.isBlank()) {
            out.add(last);
        }
        return out;
    }

    private static Set<String> words(String s) {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = WORD.matcher(Syntax.withoutCommentsAndStrings(s));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * The expansion with every constructor the macro's match receives straight from its scrutinee's tails
     * replaced by what the matching arm does with it, when that arm is a state assignment plus a jump; null when
     * nothing could be resolved (the arm then keeps its macro call: nothing gained).
     */
    static String resolveConstants(String expansion, String state, String scope) {
        String wrapped = "fn __loopscout() " + expansion;
        ParsedSource parsed;
        try {
            parsed = ParsedSource.parse(ParsedSource.Grammar.RUST, wrapped);
        } catch (ParseTimeoutException e) {
            return null;
        }
        SyntaxNode root;
        try (parsed) {
            root = SyntaxNode.copyOf(parsed.root(), new SourceText(parsed.bytes()));
        }
        if (Syntax.has(root, "ERROR") || Syntax.has(root, "MISSING")) {
            return null;
        }
        int offset = "fn __loopscout() ".length();
        List<TextEdit> edits = new ArrayList<>();
        for (SyntaxNode m : root.descendants()) {
            if (!m.is("match_expression") || m.child("value") == null) {
                continue;
            }
            Map<String, String[]> jumps = jumpArms(m, state);
            if (jumps.isEmpty()) {
                continue;
            }
            SyntaxNode scrutinee = m.child("value");
            List<SyntaxNode> leaves = new ArrayList<>();
            tails(scrutinee, leaves);
            List<TextEdit> resolved = new ArrayList<>();
            for (SyntaxNode leaf : leaves) {
                if (!leaf.is("call_expression") || leaf.child("function") == null) {
                    continue;
                }
                String[] arm = jumps.get(Syntax.squash(leaf.child("function").text()));
                List<SyntaxNode> args = leaf.child("arguments") == null ? List.of()
                        : leaf.child("arguments").namedChildren();
                if (arm == null || args.size() != 1 || !Syntax.isConstant(args.get(0), scope)) {
                    continue;
                }
                String body = arm[1].replaceAll("\\s*\\n\\s*", " ").replaceAll("(?<![\\w$])" + Pattern.quote(arm[0]) + "(?!\\w)",
                        Matcher.quoteReplacement(args.get(0).text()));
                resolved.add(new TextEdit(leaf.start - scrutinee.start, leaf.end - scrutinee.start, body));
            }
            if (resolved.isEmpty()) {
                continue;
            }
            if (resolved.size() < leaves.size()) {
                for (TextEdit e : resolved) {
                    edits.add(new TextEdit(e.start() + scrutinee.start - offset, e.end() + scrutinee.start - offset,
                            e.text()));
                }
                continue;
            }
            // every value the match receives is resolved: the scrutinee always jumps, so `match S { .. }` is S,
            // and a `loop` around nothing but it runs it once
            String jumped = TextEdit.apply(scrutinee.text().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    resolved);
            if (scrutinee.is("block") && scrutinee.statements().size() == 1 && leaves.size() == 1
                    && scrutinee.statements().get(0) == leaves.get(0)) {
                jumped = resolved.get(0).text(); // `{ Jump(X) }`: the jump's own block, not a block around it
            }
            SyntaxNode whole = m.parent != null && m.parent.is("expression_statement") ? m.parent : m;
            SyntaxNode block = whole.parent;
            boolean onlyInLoop = block != null && block.is("block") && block.statements().size() == 1
                    && block.parent != null && block.parent.is("loop_expression")
                    && block.parent.childOfType("label") == null;
            SyntaxNode replaced = onlyInLoop ? block.parent : m;
            edits.add(new TextEdit(replaced.start - offset, replaced.end - offset, jumped));
            break; // the outer match is gone: nested matches inside it were handled in `jumped` or not at all
        }
        if (edits.isEmpty()) {
            return null;
        }
        return TextEdit.apply(expansion.getBytes(java.nio.charset.StandardCharsets.UTF_8), edits);
    }

    /**
     * The arms of {@code match} of the form {@code Path(binding) => { state = binding; continue 'l; }} (or
     * {@code break 'l}), by path: the binding's name and the arm's body text.
     */
    private static Map<String, String[]> jumpArms(SyntaxNode match, String state) {
        Map<String, String[]> out = new HashMap<>();
        for (SyntaxNode arm : Syntax.arms(match)) {
            SyntaxNode pattern = arm.child("pattern");
            SyntaxNode value = arm.child("value");
            SyntaxNode p = pattern == null ? null : pattern.namedChildren().stream().findFirst().orElse(null);
            if (p == null || pattern.child("condition") != null || !p.is("tuple_struct_pattern") || value == null
                    || !value.is("block")) {
                continue;
            }
            List<SyntaxNode> parts = p.namedChildren();
            if (parts.size() != 2 || !parts.get(1).is("identifier")) {
                continue;
            }
            String binding = parts.get(1).text();
            List<SyntaxNode> stmts = value.statements();
            if (stmts.size() != 2) {
                continue;
            }
            SyntaxNode assign = stmts.get(0).expression();
            SyntaxNode jump = stmts.get(1).expression();
            boolean transition = assign.is("assignment_expression")
                    && Syntax.squash(assign.child("left").text()).equals(state)
                    && assign.child("right").text().equals(binding);
            boolean leaves = jump.is("continue_expression", "break_expression") && jump.childOfType("label") != null
                    && jump.namedChildren().size() == 1;
            if (transition && leaves) {
                out.put(Syntax.squash(parts.get(0).text()), new String[] {binding, value.text()});
            }
        }
        return out;
    }

    /** The expressions {@code e} can evaluate to, through blocks, ifs and matches (not into closures or calls). */
    private static void tails(SyntaxNode e, List<SyntaxNode> out) {
        SyntaxNode v = e;
        while (v.is("parenthesized_expression") && !v.namedChildren().isEmpty()) {
            v = v.namedChildren().get(0);
        }
        switch (v.type) {
            case "block" -> {
                List<SyntaxNode> s = v.statements();
                if (!s.isEmpty() && !s.get(s.size() - 1).is("expression_statement", "let_declaration")) {
                    tails(s.get(s.size() - 1), out);
                } else if (!s.isEmpty() && s.get(s.size() - 1).is("expression_statement")
                        && !s.get(s.size() - 1).hasToken(";")) {
                    tails(s.get(s.size() - 1).expression(), out);
                }
            }
            case "unsafe_block" -> {
                if (v.childOfType("block") != null) {
                    tails(v.childOfType("block"), out);
                }
            }
            case "if_expression" -> {
                tails(v.child("consequence"), out);
                SyntaxNode alt = v.child("alternative");
                if (alt != null && !alt.namedChildren().isEmpty()) {
                    tails(alt.namedChildren().get(0), out);
                }
            }
            case "match_expression" -> {
                for (SyntaxNode arm : Syntax.arms(v)) {
                    if (arm.child("value") != null) {
                        tails(arm.child("value"), out);
                    }
                }
            }
            default -> out.add(v);
        }
    }
}
