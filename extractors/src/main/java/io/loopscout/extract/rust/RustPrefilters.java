package io.loopscout.extract.rust;

import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * The Rust extractor's cheap tests, before and instead of tree work: which files may hold a finding or a
 * declaration, how deep their brackets nest, and which loops may hold a dispatching match (a text test, then a
 * look at the body's top-level statements only).
 */
final class RustPrefilters {

    static final List<String> MATCH = List.of("match");
    static final List<String> MATCH_OR_IF = List.of("match", "if");
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_]\\w*");

    private RustPrefilters() {
    }

    /** False when the text cannot hold a declaration {@link RustSymbols} collects (a skip before parsing). */
    static boolean mayDeclareTypes(String text) {
        return text.contains("enum") || text.contains("struct") || text.contains("const") || text.contains("type");
    }

    /**
     * False when the text cannot hold a finding: every Rust pattern is a loop around a match, or c2rust's
     * {@code current_block} chain (a text test, before any parse).
     */
    static boolean mayHoldFindings(String text) {
        return hasLoopWord(text) && (text.contains("match") || text.contains("current_block"));
    }

    /**
     * False when the text holds no loop that can be a finding (a cheap skip before parsing): no {@code loop} or
     * {@code while}, and no {@code for} loop around a match on a name the text also assigns (the only {@code for}
     * finding is a state loop; "for" alone is in almost every file).
     */
    static boolean hasLoopWord(String text) {
        return text.contains("loop") || text.contains("while") || mayHoldForStateLoop(text);
    }

    /**
     * True when the text has a {@code for} and a match whose scrutinee names something the text assigns
     * ({@code state = match state}, {@code *self = match (*self, b)}, {@code self.mode = ..}): asked of a file,
     * and of each {@code for} loop's text before any tree work on it. No regex: {@code indexOf} over the text
     * (a regex pass cost a fifth of a parse).
     */
    static boolean mayHoldForStateLoop(String text) {
        if (!text.contains("for") || !text.contains("match")) {
            return false;
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int at = text.indexOf("match"); at >= 0; at = text.indexOf("match", at + 5)) {
            if (at > 0 && SourceText.isWordByte((byte) text.charAt(at - 1))
                    || at + 5 < text.length() && SourceText.isWordByte((byte) text.charAt(at + 5))) {
                continue;
            }
            int end = Math.min(text.length(), at + 160);
            int i = at + 5;
            while (i < end && text.charAt(i) != '{' && text.charAt(i) != ';') {
                char c = text.charAt(i);
                if (Character.isJavaIdentifierStart(c)) {
                    int w = i;
                    while (i < end && Character.isJavaIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                    String word = text.substring(w, i);
                    if (seen.add(word) && assigned(text, word)) {
                        return true;
                    }
                    continue;
                }
                i++;
            }
        }
        return false;
    }

    /** True when {@code word = ..} (not {@code ==}, {@code =>}) stands in the text. */
    private static boolean assigned(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            if (at > 0 && SourceText.isWordByte((byte) text.charAt(at - 1))) {
                continue;
            }
            int i = at + word.length();
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i + 1 < text.length() && text.charAt(i) == '=' && text.charAt(i + 1) != '='
                    && text.charAt(i + 1) != '>') {
                return true;
            }
        }
        return false;
    }

    /** The deepest bracket nesting, skipping nothing: a cheap upper bound checked before parsing. */
    static int nestingDepth(String text) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // one table look per character: most are no bracket
            int d = c < BRACKET.length ? BRACKET[c] : 0;
            if (d > 0) {
                max = Math.max(max, ++depth);
            } else if (d < 0 && depth > 0) {
                depth--;
            }
        }
        return max;
    }

    /** Per ASCII character: 1 for an opening bracket, -1 for a closing one, else 0. */
    private static final byte[] BRACKET = new byte[128];

    static {
        for (char c : "{([".toCharArray()) {
            BRACKET[c] = 1;
        }
        for (char c : "})]".toCharArray()) {
            BRACKET[c] = -1;
        }
    }

    /**
     * Cheap JNI look at the body's top-level statements for a dispatching match (or c2rust if), and a text test
     * that drops the common {@code loop { match it.next() { .. } }}: fewer than 8 arms and the scrutinee never
     * assigned in the loop. Returns null for loops that fail it, else the words that the copy of the loop must
     * keep (see {@link SyntaxNode#copyOf(TSNode, SourceText, List)}).
     */
    static List<String> dispatchCandidate(TSNode loop, boolean mayBeC2Rust, SourceText source) {
        return dispatchCandidate(loop, mayBeC2Rust, false, source);
    }

    /**
     * As {@link #dispatchCandidate(TSNode, boolean, SourceText)}; with {@code stateOnly} (a {@code for} loop,
     * which can only be a state loop) a match qualifies only when the loop may assign its scrutinee.
     */
    static List<String> dispatchCandidate(TSNode loop, boolean mayBeC2Rust, boolean stateOnly, SourceText source) {
        return dispatchCandidate(loop, mayBeC2Rust, stateOnly, source, null);
    }

    /**
     * As above; {@code macros} (null when the file has no {@code macro_rules!}) are the file's local macros, read
     * only for a match the text test would drop: a loop invoking one that assigns the scrutinee is a candidate,
     * and the copy keeps those invocations.
     */
    static List<String> dispatchCandidate(TSNode loop, boolean mayBeC2Rust, boolean stateOnly, SourceText source,
            LocalMacros macros) {
        TSNode body = Nodes.field(loop, "body");
        if (Nodes.isNull(body)) {
            return null;
        }
        String loopText = null;
        boolean candidate = false;
        Set<String> words = new LinkedHashSet<>();
        // A cursor over the statements (tree-sitter finds the i-th child by walking from the first), and a text
        // test first: only a statement whose text has the keyword can reach a match (or a c2rust if).
        List<String> keywords = mayBeC2Rust ? MATCH_OR_IF : MATCH;
        TSTreeCursor statements = new TSTreeCursor(body);
        boolean more = statements.gotoFirstChild();
        for (; more; more = statements.gotoNextSibling()) {
            TSNode statement = statements.currentNode();
            if (!source.containsAny(Nodes.start(statement), Nodes.end(statement), keywords)) {
                continue;
            }
            TSNode m = reachesMatch(statement, mayBeC2Rust, 0);
            if (m == null) {
                continue;
            }
            if (Nodes.type(m).equals("if_expression")) {
                words.add("current_block");
                candidate = true;
                continue;
            }
            TSNode value = Nodes.field(m, "value");
            if (Nodes.isNull(value)) {
                continue;
            }
            String scrutinee = source.text(Nodes.start(value), Nodes.end(value));
            words.addAll(scrutineeWords(scrutinee));
            if (macros != null) {
                loopText = loopText != null ? loopText : source.text(Nodes.start(loop), Nodes.end(loop));
                List<String> invoked = macros.assigning(placeText(scrutinee)).invokedIn(loopText);
                candidate |= !invoked.isEmpty();
                words.addAll(invoked);
            }
            TSNode arms = Nodes.field(m, "body");
            if (!stateOnly && !Nodes.isNull(arms) && Nodes.namedChildCount(arms) >= DispatchLoops.MIN_ARMS) {
                candidate = true;
                continue;
            }
            loopText = loopText != null ? loopText : source.text(Nodes.start(loop), Nodes.end(loop));
            candidate |= mayAssign(loopText, scrutinee);
        }
        if (!candidate) {
            return null;
        }
        words.addAll(List.of("return", "break", "continue", "?"));
        return List.copyOf(words);
    }

    /** The words a scrutinee's transitions must mention: a place's last segment, else its identifiers. */
    static List<String> scrutineeWords(String scrutinee) {
        String t = scrutinee.strip();
        if (t.startsWith("(") && t.endsWith(")") && t.contains(",")) {
            List<String> out = new ArrayList<>();
            for (String element : t.substring(1, t.length() - 1).split(",")) {
                out.addAll(scrutineeWords(element));
            }
            return out;
        }
        String place = placeText(t);
        if (LoopAnalysis.isPlace(place)) {
            String[] parts = place.split("\\.");
            return List.of(parts[parts.length - 1]);
        }
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(t);
        while (m.find()) {
            if (m.group().length() > 1 && !m.group().equals("self")) {
                out.add(m.group());
            }
        }
        return out;
    }

    /**
     * A scrutinee without casts to integer types, whitespace, {@code &}, {@code *}, outer parentheses,
     * {@code .get()}/{@code .clone()}.
     */
    private static String placeText(String scrutinee) {
        String s = StatePlace.withoutIntegerCasts(scrutinee).replaceAll("\\s+", "")
                .replaceAll("\\.(get|clone)\\(\\)$", "");
        while (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.replaceAll("^[&*]+", "").replaceAll("^mut(?=[A-Za-z_])", "");
    }

    /** True when the loop text may assign the place a scrutinee reads (or hands it to a macro). */
    static boolean mayAssign(String loopText, String scrutinee) {
        String t = scrutinee.strip();
        if (t.startsWith("(") && t.endsWith(")") && t.contains(",")) {
            for (String element : t.substring(1, t.length() - 1).split(",")) {
                if (!element.isBlank() && mayAssign(loopText, element)) {
                    return true;
                }
            }
            return false;
        }
        String s = placeText(scrutinee);
        if (!LoopAnalysis.isPlace(s)) {
            return false;
        }
        String[] parts = s.split("\\.");
        String last = parts[parts.length - 1];
        // The last segment followed by `=` (not `==`/`=>`), `.set(`, or passed as a macro argument.
        return java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(last)
                + "\\s*(=[^=>]|\\.\\s*set\\s*\\(|[,)])").matcher(loopText).find();
    }

    /** Mirrors {@link LoopAnalysis}'s unwrapping of a statement (assignment, let, break, blocks) down to a match. */
    static TSNode reachesMatch(TSNode s, boolean mayBeC2Rust, int depth) {
        if (Nodes.isNull(s) || depth > 8) {
            return null;
        }
        String t = Nodes.type(s);
        switch (t) {
            case "match_expression":
                return s;
            case "if_expression":
                return mayBeC2Rust ? s : null;
            case "assignment_expression":
                return reachesMatch(Nodes.field(s, "right"), mayBeC2Rust, depth + 1);
            case "let_declaration":
                return reachesMatch(Nodes.field(s, "value"), mayBeC2Rust, depth + 1);
            case "expression_statement", "unsafe_block", "block", "break_expression":
                int n = Nodes.namedChildCount(s);
                for (int i = 0; i < n; i++) {
                    TSNode c = Nodes.namedChild(s, i);
                    String ct = Nodes.type(c);
                    if (!ct.endsWith("comment") && !ct.equals("label") && !ct.equals("attribute_item")) {
                        return reachesMatch(c, mayBeC2Rust, depth + 1);
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
