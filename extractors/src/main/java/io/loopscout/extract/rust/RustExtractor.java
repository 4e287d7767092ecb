package io.loopscout.extract.rust;

import io.loopscout.core.Language;
import io.loopscout.extract.Extractor;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.SourceText;
import io.loopscout.extract.parse.SyntaxNode;
import io.loopscout.extract.rewrite.LoopJudge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.treesitter.TSNode;
import org.treesitter.TSTreeCursor;

/**
 * Finds the Rust patterns of shared/patterns.md in one file: state loops on locals and fields, dispatch loops,
 * c2rust {@code current_block} loops and loops already using {@code #[loop_match]}. Never throws for bad input:
 * a file that cannot be read fully comes back with {@link FileExtraction#problem()} set.
 */
public final class RustExtractor implements Extractor {

    /** Files above this size are not parsed (generated tables); reported as "too-large". */
    static final int MAX_BYTES = 16 << 20;
    /** Bracket nesting beyond this is pathological (or an attack); reported as "too-deep". */
    static final int MAX_DEPTH = 1000;
    private static final int SNIPPET_LINES = 200;
    private static final List<String> MATCH = List.of("match");
    private static final List<String> MATCH_OR_IF = List.of("match", "if");
    private static final Map<String, String> LOOPS = Map.of("loop", "loop_expression", "while", "while_expression");
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_]\\w*");
    private static final java.util.regex.Pattern PLACE =
            java.util.regex.Pattern.compile("(?:self|[A-Za-z_]\\w*)(?:\\.[A-Za-z_]\\w*)*");

    /** Most specific first: one loop is one finding, the first family that claims it wins. */
    private static final List<RustLoopFamily> FAMILIES = List.of(new LoopMatchLoops(),
            new C2RustCurrentBlockLoops(), new StateLoops(), new DispatchLoops());

    private final RustSymbols crateSymbols;
    private final Duration timeout;

    /** An extractor resolving state types within each file only. */
    public RustExtractor() {
        this(new RustSymbols(), Duration.ofSeconds(10));
    }

    /**
     * An extractor that also resolves state types against a crate's declarations.
     *
     * @param crateSymbols the union of {@link #symbolsOf(SourceFile)} over the crate's files
     * @param timeout      the per-file parse limit
     */
    public RustExtractor(RustSymbols crateSymbols, Duration timeout) {
        this.crateSymbols = crateSymbols;
        this.timeout = timeout;
    }

    /** The type declarations of one file, to merge into a crate table ({@link RustSymbols#addAll}). */
    public static RustSymbols symbolsOf(SourceFile file) {
        String text = file.text();
        if (text.length() > MAX_BYTES || !mayDeclareTypes(text)) {
            return new RustSymbols();
        }
        try {
            return RustSymbols.of(ParsedSource.parse(ParsedSource.Grammar.RUST, text, Duration.ofSeconds(10)));
        } catch (ParseTimeoutException e) {
            return new RustSymbols();
        }
    }

    /** False when the text cannot hold a declaration {@link RustSymbols} collects (a skip before parsing). */
    private static boolean mayDeclareTypes(String text) {
        return text.contains("enum") || text.contains("struct") || text.contains("const") || text.contains("type");
    }

    @Override
    public FileExtraction extract(SourceFile file) {
        return firstPass(file, timeout, Declarations.IF_PARSED).finish(this);
    }

    /** How much of a file's type declarations {@link #firstPass} collects for the crate table. */
    public enum Declarations {
        /** None: no loop of the crate needs them. */
        NONE,
        /** Those of a file parsed for its loops anyway. */
        IF_PARSED,
        /** All: files without loops are parsed for them too. */
        ALWAYS
    }

    /**
     * False when the text cannot hold a finding: every Rust pattern is a loop around a match, or c2rust's
     * {@code current_block} chain (a text test, before any parse).
     */
    public static boolean mayHoldFindings(String text) {
        return hasLoopWord(text) && (text.contains("match") || text.contains("current_block"));
    }

    /** False when the text holds no loop keyword (a cheap skip before parsing). */
    private static boolean hasLoopWord(String text) {
        return text.contains("loop") || text.contains("while");
    }

    /**
     * Parses {@code file} once for both passes over a crate: its declarations (to merge into the crate table)
     * and its candidate loops; {@link FirstPass#finish} then resolves state types against the complete table.
     * Only files with a classified loop keep their tree until then.
     *
     * @param declarations which of the file's declarations to collect
     */
    public static FirstPass firstPass(SourceFile file, Duration timeout, Declarations declarations) {
        String text = file.text();
        if (text.length() > MAX_BYTES) {
            return FirstPass.done(new FileExtraction(List.of(), 0, "too-large"));
        }
        boolean hasLoops = hasLoopWord(text);
        FileExtraction early = !hasLoops ? new FileExtraction(List.of(), 0, null)
                : nestingDepth(text) > MAX_DEPTH ? new FileExtraction(List.of(), 0, "too-deep") : null;
        if (early != null && !(declarations == Declarations.ALWAYS && mayDeclareTypes(text))) {
            return FirstPass.done(early);
        }
        ParsedSource parsed;
        try {
            parsed = ParsedSource.parse(ParsedSource.Grammar.RUST, text, timeout);
        } catch (ParseTimeoutException e) {
            return FirstPass.done(early != null ? early : new FileExtraction(List.of(), 0, "timeout"));
        }
        FirstPass pass = new FirstPass(file, parsed);
        try {
            if (declarations != Declarations.NONE) {
                pass.symbols = RustSymbols.of(parsed);
            }
        } catch (RuntimeException e) {
            // the crate table goes without this file's declarations; extraction reports the cause if it needs them
            pass.symbolsError = e;
        }
        if (early != null) {
            pass.result = early;
            pass.parsed = null;
            return pass;
        }
        try {
            pass.findCandidates();
        } catch (StackOverflowError e) {
            pass.fail("too-deep");
        } catch (RuntimeException e) {
            // An extractor bug must not kill a corpus run; the file is reported with the cause instead.
            pass.fail("extractor-error: " + e);
        }
        return pass;
    }

    /** One Rust file after its single parse: its declarations, and its findings once the crate's are known. */
    public static final class FirstPass {
        private final SourceFile file;
        private ParsedSource parsed;
        private RustSymbols symbols = new RustSymbols();
        private RuntimeException symbolsError;
        private FileExtraction result;
        private SourceText source;
        private int fileErrors;
        private final List<Candidate> candidates = new ArrayList<>();

        /** A classified loop waiting for its state type. */
        private record Candidate(TSNode loop, LoopAnalysis analysis, Pattern pattern) {
        }

        private FirstPass(SourceFile file, ParsedSource parsed) {
            this.file = file;
            this.parsed = parsed;
        }

        private static FirstPass done(FileExtraction result) {
            FirstPass p = new FirstPass(null, null);
            p.result = result;
            return p;
        }

        /** The file's type declarations (empty when it could not be parsed or none were asked for). */
        public RustSymbols symbols() {
            return symbols;
        }

        /** True when a loop of the file waits in {@link #finish} for its state type. */
        public boolean hasCandidates() {
            return result == null;
        }

        private void fail(String problem) {
            result = new FileExtraction(List.of(), 0, problem);
            parsed = null;
            candidates.clear();
        }

        private void findCandidates() {
            TSNode root = parsed.root();
            fileErrors = parsed.errorCount(root);
            source = new SourceText(parsed.bytes());
            boolean mayBeC2Rust = file.text().contains("current_block");
            boolean mayBeAnnotated = file.text().contains("loop_match");
            Map<List<String>, List<SyntaxNode>> copies = new HashMap<>();
            for (TSNode loop : KeywordNodes.find(parsed, LOOPS)) {
                // A dispatching match needs its keyword in the loop's text (a c2rust chain, an `if`): a text
                // test in Java spares the JNI look at the body of every other loop.
                if (!source.containsAny(Nodes.start(loop), Nodes.end(loop), mayBeC2Rust ? MATCH_OR_IF : MATCH)) {
                    continue;
                }
                List<String> words = dispatchCandidate(loop, mayBeC2Rust, source);
                if (words == null) {
                    continue;
                }
                LoopAnalysis a = LoopAnalysis.of(copyOf(loop, source, words, copies));
                if (a == null) {
                    continue;
                }
                a.annotatedLoopMatch = mayBeAnnotated && annotatedLoopMatch(loop, parsed);
                Pattern pattern = classify(a);
                if (pattern != null) {
                    candidates.add(new Candidate(loop, a, pattern));
                }
            }
            if (candidates.isEmpty()) {
                result = result(List.of());
                parsed = null;
            }
        }

        /** The file's extraction, state types resolved against {@code extractor}'s crate table and this file's. */
        public FileExtraction finish(RustExtractor extractor) {
            if (result != null) {
                return result;
            }
            try {
                if (symbolsError != null) {
                    throw symbolsError;
                }
                StateTypes types = new StateTypes(new RustSymbols().addAll(extractor.crateSymbols).addAll(symbols));
                List<Finding> findings = new ArrayList<>();
                for (Candidate c : candidates) {
                    findings.add(finding(file, parsed, source, c.loop(), c.analysis(), c.pattern(), types));
                }
                result = result(findings);
            } catch (StackOverflowError e) {
                result = new FileExtraction(List.of(), 0, "too-deep");
            } catch (RuntimeException e) {
                result = new FileExtraction(List.of(), 0, "extractor-error: " + e);
            }
            parsed = null;
            candidates.clear();
            return result;
        }

        private FileExtraction result(List<Finding> found) {
            List<Finding> findings = new ArrayList<>(found);
            findings.sort((x, y) -> x.startLine() != y.startLine() ? Integer.compare(x.startLine(), y.startLine())
                    : Integer.compare(x.endLine(), y.endLine()));
            return new FileExtraction(findings, fileErrors, mostlyBroken(fileErrors, source.lineCount())
                    ? "syntax-errors" : null);
        }
    }

    /**
     * More than one damaged spot per 100 lines (at least 5): the tree, and so what was found in it, is
     * unreliable; the findings are still returned (with low confidence where damaged).
     */
    static boolean mostlyBroken(int errors, int lines) {
        return errors >= 5 && errors * 100 > lines;
    }

    /**
     * The Java copy of a loop, taken from an enclosing loop copied before with the same words (nested state
     * machines on the same variable) if any.
     */
    private static SyntaxNode copyOf(TSNode loop, SourceText source, List<String> words,
            Map<List<String>, List<SyntaxNode>> copies) {
        int start = Nodes.start(loop);
        int end = Nodes.end(loop);
        List<SyntaxNode> sameWords = copies.computeIfAbsent(words, k -> new ArrayList<>());
        for (SyntaxNode outer : sameWords) {
            if (outer.start <= start && end <= outer.end) {
                SyntaxNode inner = outer.find(start, end, Nodes.type(loop));
                if (inner != null) {
                    return inner;
                }
            }
        }
        SyntaxNode copy = SyntaxNode.copyOf(loop, source, words);
        sameWords.add(copy);
        return copy;
    }

    private static Pattern classify(LoopAnalysis a) {
        for (RustLoopFamily f : FAMILIES) {
            Pattern p = f.classify(a);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static Finding finding(SourceFile file, ParsedSource parsed, SourceText source, TSNode loop,
            LoopAnalysis a, Pattern pattern, StateTypes types) {
        List<TSNode> ancestors = Nodes.ancestors(parsed.root(), loop);
        List<String> ancestorTypes = ancestors.stream().map(Nodes::type).toList();
        int fnAt = ancestorTypes.indexOf("function_item");
        TSNode fn = fnAt < 0 ? null : ancestors.get(fnAt);
        int implAt = fnAt < 0 ? -1 : ancestorTypes.subList(fnAt, ancestors.size()).indexOf("impl_item");
        TSNode impl = implAt < 0 ? null : ancestors.get(fnAt + implAt);
        String implType = null;
        if (impl != null && !Nodes.isNull(Nodes.field(impl, "type"))) {
            implType = RustValues.lastSegment(parsed.text(Nodes.field(impl, "type")).replaceAll("<.*$", ""));
        }
        String function = fn == null || Nodes.isNull(Nodes.field(fn, "name")) ? ""
                : parsed.text(Nodes.field(fn, "name"));
        String stateType = pattern == Pattern.RUST_DISPATCH_LOOP && a.dispatch.kind() == Dispatch.VarKind.FETCHED
                ? "unknown" : types.resolve(a, fn == null ? null : parsed.text(fn), implType);
        // one judge: the rewriter's planner (a dispatch loop has no constant transition by definition)
        String reason = pattern == Pattern.RUST_DISPATCH_LOOP ? "no-constant-transitions"
                : LoopJudge.reason(parsed, loop, Finding.builder().pattern(pattern)
                        .stateVariable(a.dispatch.stateVar()).stateType(stateType).build());
        int errors = parsed.errorCount(loop);
        int start = ParsedSource.startLine(loop);
        int end = ParsedSource.endLine(loop);
        return Finding.builder().project(file.project()).version(file.version()).language(Language.RUST)
                .file(file.path()).startLine(start).endLine(end).function(function).pattern(pattern)
                .stateVariable(a.dispatch.stateVar()).states(a.dispatch.arms().size())
                .constTransitions(a.constTransitions).dynamicTransitions(a.dynamicTransitions).exits(a.exits)
                .stateType(stateType).eligible(reason == null).reason(reason).loopMatchReady(a.loopMatchReady())
                .parseErrors(errors)
                .confidence(a.macroTransitions || errors > 0 ? Finding.Confidence.LOW : Finding.Confidence.HIGH)
                .snippet(source.lines(start, end, SNIPPET_LINES)).graph(a.graph()).build();
    }

    /**
     * Cheap JNI look at the body's top-level statements for a dispatching match (or c2rust if), and a text test
     * that drops the common {@code loop { match it.next() { .. } }}: fewer than 8 arms and the scrutinee never
     * assigned in the loop. Returns null for loops that fail it, else the words that the copy of the loop must
     * keep (see {@link SyntaxNode#copyOf(TSNode, SourceText, List)}).
     */
    private static List<String> dispatchCandidate(TSNode loop, boolean mayBeC2Rust, SourceText source) {
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
            TSNode arms = Nodes.field(m, "body");
            if (!Nodes.isNull(arms) && Nodes.namedChildCount(arms) >= DispatchLoops.MIN_ARMS) {
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
        if (PLACE.matcher(place).matches()) {
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

    /** A scrutinee without whitespace, {@code &}, {@code *}, outer parentheses, {@code .get()}/{@code .clone()}. */
    private static String placeText(String scrutinee) {
        String s = scrutinee.replaceAll("\\s+", "").replaceAll("\\.(get|clone)\\(\\)$", "");
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
        Matcher m = PLACE.matcher(s);
        if (!m.matches()) {
            return false;
        }
        String[] parts = s.split("\\.");
        String last = parts[parts.length - 1];
        // The last segment followed by `=` (not `==`/`=>`), `.set(`, or passed as a macro argument.
        return java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(last)
                + "\\s*(=[^=>]|\\.\\s*set\\s*\\(|[,)])").matcher(loopText).find();
    }

    /** Mirrors {@link LoopAnalysis}'s unwrapping of a statement (assignment, let, break, blocks) down to a match. */
    private static TSNode reachesMatch(TSNode s, boolean mayBeC2Rust, int depth) {
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

    /** True when an attribute before the loop's statement names {@code loop_match} (also inside cfg_attr). */
    private static boolean annotatedLoopMatch(TSNode loop, ParsedSource parsed) {
        TSNode stmt = Nodes.parent(loop);
        if (Nodes.isNull(stmt) || !Nodes.type(stmt).equals("expression_statement")) {
            stmt = loop;
        }
        for (TSNode p = Nodes.prevNamedSibling(stmt); !Nodes.isNull(p); p = Nodes.prevNamedSibling(p)) {
            String t = Nodes.type(p);
            if (t.equals("attribute_item")) {
                if (parsed.text(p).matches("(?s).*\\bloop_match\\b.*")) {
                    return true;
                }
            } else if (!t.equals("line_comment") && !t.equals("block_comment")) {
                return false;
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
            if (c == '{' || c == '(' || c == '[') {
                max = Math.max(max, ++depth);
            } else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return max;
    }
}
