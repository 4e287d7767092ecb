package io.loopscout.extract.c;

import io.loopscout.core.Language;
import io.loopscout.extract.Extractor;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Finds every C pattern of shared/patterns.md in one file with tree-sitter-c, after expanding the macros
 * that hide control flow (from the file and, when given, its local includes).
 *
 * <p>Never throws for bad input: an unreadable, oversized or unparseable file yields a {@link FileExtraction}
 * with its {@link FileOutcome}. Thread-compatible like every {@link Extractor}: it caches the macro tables
 * of include files, so use one per worker thread.
 */
public final class CExtractor implements Extractor {

    /** Files larger than this (UTF-8 bytes) are not parsed; the SQLite amalgamation is about 9 MB. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Findings' snippets are cut after this many lines. */
    public static final int SNIPPET_LINES = 200;

    private static final byte[] SWITCH = "switch".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GOTO = "goto".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMPUTED = MacroExpander.COMPUTED_GOTO.getBytes(StandardCharsets.US_ASCII);

    private static final java.util.regex.Pattern WRAPPED_NAME = java.util.regex.Pattern.compile(
            "\\s*\\**\\s*(\\w+\\s*\\(\\s*\\w+\\s*\\))\\s*\\(");

    private final MacroTable includes;
    private final Duration timeout;
    private final String mode;

    /** An extractor that knows only the macros of the file itself. */
    public CExtractor() {
        this(MacroTable.empty());
    }

    /** An extractor that also knows the macros of {@code includes} (see {@link LocalIncludes}). */
    public CExtractor(MacroTable includes) {
        this(includes, Duration.ofSeconds(20));
    }

    /** An extractor with a per-file parse time limit. */
    public CExtractor(MacroTable includes, Duration timeout) {
        this(includes, timeout, null);
    }

    /** An extractor whose findings all carry {@code mode} (used by {@link PreprocessedCExtractor}). */
    CExtractor(MacroTable includes, Duration timeout, String mode) {
        this.includes = includes;
        this.timeout = timeout;
        this.mode = mode;
    }

    @Override
    public FileExtraction extract(SourceFile file) {
        return extract(file, includes);
    }

    /** Extracts with the macros of {@code extraIncludes} (path → text of the file's local includes). */
    public FileExtraction extract(SourceFile file, Map<String, String> extraIncludes) {
        List<MacroTable> tables = new ArrayList<>();
        for (Map.Entry<String, String> e : extraIncludes.entrySet()) {
            tables.add(includeTable(e.getKey(), e.getValue()));
        }
        tables.add(includes);
        return extract(file, MacroTable.concat(tables));
    }

    /** Most files of a project include the same headers: their tables are read once per extractor. */
    private final Map<String, Object[]> includeCache = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object[]> eldest) {
            return size() > 512;
        }
    };

    private MacroTable includeTable(String path, String text) {
        Object[] cached = includeCache.get(path);
        if (cached != null && cached[0] == text) {
            return (MacroTable) cached[1];
        }
        MacroTable t = MacroTable.of(Map.of(path, text));
        includeCache.put(path, new Object[] {text, t});
        return t;
    }

    /** Extracts with the macros of {@code includeMacros} in addition to the file's own. */
    public FileExtraction extract(SourceFile file, MacroTable includeMacros) {
        String text = file.text();
        if (text == null) {
            return FileExtraction.notAnalysed(FileOutcome.UNREADABLE, "no text");
        }
        // A char is 1 to 3 UTF-8 bytes: encode only when the length alone cannot decide.
        if (text.length() > MAX_BYTES
                || (3L * text.length() > MAX_BYTES && text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES)) {
            return FileExtraction.notAnalysed(FileOutcome.TOO_LARGE, "exceeds " + MAX_BYTES + " bytes");
        }
        if (text.indexOf('\u0000') >= 0) {
            return FileExtraction.notAnalysed(FileOutcome.BINARY, "contains NUL characters");
        }
        try {
            return run(file, text, includeMacros);
        } catch (ParseTimeoutException e) {
            return FileExtraction.notAnalysed(FileOutcome.PARSE_TIMEOUT, e.getMessage());
        } catch (StackOverflowError e) {
            return FileExtraction.notAnalysed(FileOutcome.TOO_DEEP, "nests too deeply to analyse");
        } catch (RuntimeException e) {
            return FileExtraction.notAnalysed(FileOutcome.EXTRACTOR_ERROR, e.toString());
        }
    }

    private FileExtraction run(SourceFile file, String text, MacroTable includeMacros) {
        MacroTable table = MacroTable.of(file.path(), text).then(includeMacros);
        // Lines keep their numbers through both rewrites, so findings point into the original text.
        // GNU case ranges are read as plain cases (tree-sitter-c has no case range).
        String prepared = CaseRanges.blank(ConditionalBlanker.blank(text));
        boolean expand = MacroExpander.mayNeedExpansion(prepared, table);
        MacroExpander.Result first = expand ? MacroExpander.expand(prepared, table, 0) : null;
        String firstText = first == null ? prepared : first.text();
        // Only bodies with a switch or goto are analysed: the others are blanked before the (costly) parse
        // (and attribute macros before a function's name, which tree-sitter takes for the declarator).
        ParsedSource parsed = ParsedSource.parse(ParsedSource.Grammar.C, InertBlockBlanker.blank(firstText),
                timeout);
        Map<String, Finding> findings = new LinkedHashMap<>();
        SourceLines lines = new SourceLines(text);
        BitSet noMacros = new BitSet();
        // Only consulted for functions with a computed goto.
        java.util.function.ToIntFunction<String> tableElsewhere = table::labelAddressTable;
        for (Draft d : analyze(parsed, firstText, text, first, tableElsewhere, table)) {
            Finding f = toFinding(d, file, lines, first == null ? noMacros : first.macroLines());
            findings.putIfAbsent(f.pattern().id() + "@" + f.startLine(), f);
        }
        if (first != null && first.alternatives()) {
            // Another #if branch defines a control-flow macro differently: the pattern counts if either has it.
            MacroExpander.Result second = MacroExpander.expand(prepared, table, 1);
            ParsedSource other = ParsedSource.parse(ParsedSource.Grammar.C, InertBlockBlanker.blank(second.text()),
                    timeout);
            for (Draft d : analyze(other, second.text(), text, second, tableElsewhere, table)) {
                Finding f = toFinding(d, file, lines, second.macroLines());
                // One loop (or function) is one finding: the more specific pattern wins across variants too.
                Finding same = findings.values().stream().filter(x -> x.startLine() == f.startLine())
                        .findFirst().orElse(null);
                if (same == null || precedence(f.pattern()) < precedence(same.pattern())) {
                    if (same != null) {
                        findings.remove(same.pattern().id() + "@" + same.startLine());
                    }
                    findings.put(f.pattern().id() + "@" + f.startLine(), f);
                }
            }
        }
        List<Finding> ordered = new ArrayList<>(findings.values());
        ordered.sort((a, b) -> a.startLine() != b.startLine() ? Integer.compare(a.startLine(), b.startLine())
                : a.pattern().compareTo(b.pattern()));
        int errors = parsed.errorCount(parsed.root());
        FileExtraction result = FileExtraction.parsed(ordered, errors, (int) text.lines().count());
        // replacement characters: bytes that were not UTF-8 (the findings stand, their text may not)
        return text.indexOf('\uFFFD') >= 0 && result.outcome() == FileOutcome.READ
                ? new FileExtraction(ordered, errors, FileOutcome.NOT_UTF8, "bytes that are not UTF-8 were replaced")
                : result;
    }

    /** The drafts of one parsed variant of the file. */
    private List<Draft> analyze(ParsedSource parsed, String parsedText, String originalText,
                                MacroExpander.Result expansion,
                                java.util.function.ToIntFunction<String> tableElsewhere, MacroTable macros) {
        byte[] bytes = parsed.bytes();
        int[] hits = keywordOffsets(bytes);
        int[] computedHits = expansion == null || expansion.computedGotos() == 0 ? new int[0] : indexAll(bytes, COMPUTED);
        if (hits.length == 0) {
            return List.of();
        }
        Set<String> constants = null;
        Set<String> noReturn = Set.of();
        // read from the original text: the macro marking them (JSON_NORETURN) may expand to nothing
        java.util.function.Supplier<Set<String>> noReturnIn = () -> CLexer.noReturnFunctions(originalText);
        List<TSNode[]> functions = new ArrayList<>();
        List<Integer> functionEnds = new ArrayList<>();
        java.util.Set<Integer> seen = new HashSet<>();
        // Functions are found from the keyword offsets by descending from the root (a few JNI calls per
        // function), not by a query over the whole tree, which costs about half a parse on large files.
        int coveredFrom = -1;
        int coveredUntil = -1;
        for (int hit : hits) {
            if (hit >= coveredFrom && hit < coveredUntil) {
                continue;
            }
            TSNode fn = functionAt(parsed.root(), hit);
            if (fn == null) {
                continue;
            }
            int end = swallowedFrom(parsed, fn);
            coveredFrom = Nodes.start(fn);
            coveredUntil = end;
            // A hit in the swallowed part that no nested definition holds belongs to no function.
            if (hit >= end || !seen.add(Nodes.start(fn))) {
                continue;
            }
            if (constants == null) {
                constants = CLexer.enumerators(parsedText);
                noReturn = noReturnIn.get();
            }
            functions.add(new TSNode[] {fn, Nodes.field(fn, "declarator")});
            functionEnds.add(end);
        }
        if (functions.isEmpty()) {
            return List.of();
        }
        List<Integer> gotoLines = expansion == null || expansion.computedGotos() == 0
                ? List.of() : computedGotoLines(parsed.bytes());
        List<Draft> drafts = new ArrayList<>();
        SwitchPatternFinder[] finders = SwitchPatternFinder.inPrecedenceOrder();
        for (int fi = 0; fi < functions.size(); fi++) {
            TSNode[] f = functions.get(fi);
            int fs = Nodes.start(f[0]);
            int fe = functionEnds.get(fi);
            boolean jumps = containsAny(computedHits, fs, fe) || FunctionFacts.hasBackwardOrComputedGoto(bytes, fs, fe);
            FunctionFacts facts = new FunctionFacts(parsed, f[0], functionName(parsed, f[1]), jumps, fe);
            facts.noReturn = noReturn;
            int draftsBefore = drafts.size();
            Set<Integer> loopsReported = new HashSet<>();
            List<FunctionFacts.Span> reportedLoops = new ArrayList<>();
            for (FunctionFacts.Span sw : facts.switches) {
                SwitchModel m = new SwitchModel(facts, sw, constants, macros);
                for (SwitchPatternFinder finder : finders) {
                    if (!finder.matches(m)) {
                        continue;
                    }
                    FunctionFacts.Span anchor = finder.anchor(m);
                    // One loop is one finding: a second switch in the same loop adds nothing.
                    if (anchor != sw && !loopsReported.add(anchor.start())) {
                        break;
                    }
                    if (anchor != sw) {
                        reportedLoops.add(anchor);
                    }
                    drafts.add(new Draft(finder.pattern(), facts, ParsedSource.startLine(anchor.node()),
                            ParsedSource.endLine(anchor.node()), m.stateVar, m.arms.size(), m.constTransitions,
                            m.dynamicTransitions, m.fallthroughs, m.exits, m.graph()));
                    break;
                }
            }
            if (!jumps) {
                continue;
            }
            Draft computed = gotoLines.isEmpty() ? null
                    : new ComputedGotoFinder().find(facts, gotoLines, tableElsewhere);
            if (computed != null) {
                drafts.add(computed);
            } else {
                int dynamic = (int) gotoLines.stream().filter(l -> l >= ParsedSource.startLine(facts.function)
                        && l <= ParsedSource.endLine(facts.function)).count();
                Draft machine = new GotoStateMachineFinder().find(facts, dynamic, reportedLoops);
                if (machine != null) {
                    drafts.add(machine);
                }
            }
            if (facts.cut()) {
                // A finding never spans the swallowed part: what runs past the cut is not this function's.
                int lastLine = facts.endLine();
                drafts.subList(draftsBefore, drafts.size()).removeIf(d -> d.endLine() > lastLine);
            }
        }
        return drafts;
    }

    /**
     * The innermost function definition containing byte {@code offset}, or null (found by descending from the
     * root). C has no nested functions: one inside another is where error recovery swallowed the rest of the
     * file into a function (see {@link #swallowedFrom}); the inner one is the function the offset is in.
     */
    private static TSNode functionAt(TSNode root, int offset) {
        TSNode node = root;
        TSNode found = null;
        for (int depth = 0; depth < 64; depth++) {
            TSNode child = Nodes.firstNamedChildForByte(node, offset);
            if (child == null || Nodes.isNull(child) || Nodes.start(child) > offset) {
                return found;
            }
            if (Nodes.type(child).equals("function_definition")) {
                found = child;
                if (!Nodes.hasError(child)) {
                    return found;
                }
            }
            node = child;
        }
        return found;
    }

    /**
     * Where function {@code fn} really ends: the start of the first function definition tree-sitter put inside
     * it, else its end. A macro tree-sitter cannot read ({@code LUA_QL("=")" or "} in LuaJIT's minilua.c) can
     * cost a function its closing brace; error recovery then takes every following function into it, and a
     * finding would span thousands of lines of other functions. Only a function with errors is searched.
     */
    private static int swallowedFrom(ParsedSource parsed, TSNode fn) {
        int end = Nodes.end(fn);
        if (!Nodes.hasError(fn)) {
            return end;
        }
        TSNode body = Nodes.field(fn, "body");
        if (body == null || Nodes.isNull(body)) {
            return end;
        }
        java.util.ArrayDeque<TSNode> work = new java.util.ArrayDeque<>();
        work.push(body);
        int first = end;
        while (!work.isEmpty()) {
            TSNode n = work.pop();
            if (Nodes.start(n) >= first) {
                continue;
            }
            if (Nodes.type(n).equals("function_definition")) {
                first = Math.min(first, Nodes.start(n));
                continue;
            }
            // only a damaged subtree can hold a swallowed definition (a clean one is a plain statement)
            if (n != body && !Nodes.hasError(n)) {
                continue;
            }
            int count = Nodes.namedChildCount(n);
            for (int i = count - 1; i >= 0; i--) {
                work.push(Nodes.namedChild(n, i));
            }
        }
        return first;
    }

    private Finding toFinding(Draft d, SourceFile file, SourceLines lines, BitSet macroLines) {
        int next = macroLines.nextSetBit(d.startLine());
        boolean macroDerived = next >= 0 && next <= d.endLine();
        int errors = d.fn().parseErrors();
        String findingMode = mode != null ? mode : macroDerived ? "macro-expanded" : "syntactic";
        // patterns.md: a case falling into the next one is a constant transition to it. A dispatch loop has no
        // state variable (its value is fetched from data), so its fallthroughs are counted only as such; a label
        // is no case, and falling into one is not counted either (c/goto-state-machine: gotos to labels only).
        int constTransitions = casesFallThrough(d.pattern()) ? d.constTransitions() + d.fallthroughs()
                : d.constTransitions();
        return Finding.builder()
                .project(file.project()).version(file.version()).language(Language.C).file(file.path())
                .startLine(d.startLine()).endLine(d.endLine()).function(d.fn().name).pattern(d.pattern())
                .stateVariable(d.stateVariable()).states(d.states()).constTransitions(constTransitions)
                .dynamicTransitions(d.dynamicTransitions()).fallthroughs(d.fallthroughs()).exits(d.exits())
                .parseErrors(errors)
                .confidence(errors > 0 || macroDerived ? Finding.Confidence.LOW : Finding.Confidence.HIGH)
                .mode(findingMode).snippet(lines.snippet(d.startLine(), d.endLine(), SNIPPET_LINES))
                .graph(d.graph()).build();
    }

    /** True for the switch patterns, whose fallthroughs are case-to-case transitions (not a dispatch loop's). */
    private static boolean casesFallThrough(io.loopscout.extract.Pattern p) {
        return p == io.loopscout.extract.Pattern.C_SWITCH_STATE_LOOP
                || p == io.loopscout.extract.Pattern.C_FALLTHROUGH_CHAIN
                || p == io.loopscout.extract.Pattern.C_COROUTINE_SWITCH;
    }

    /** Lower is more specific (shared/patterns.md): computed goto over goto machine, coroutine over loops. */
    private static int precedence(io.loopscout.extract.Pattern p) {
        return switch (p) {
            case C_COMPUTED_GOTO -> 0;
            case C_GOTO_STATE_MACHINE -> 1;
            case C_COROUTINE_SWITCH -> 2;
            case C_SWITCH_STATE_LOOP -> 3;
            case C_DISPATCH_LOOP -> 4;
            default -> 5;
        };
    }

    /** The function's name: the identifier before the parameter list of its declarator. */
    private static String functionName(ParsedSource parsed, TSNode decl) {
        if (decl == null) {
            return "";
        }
        String t = parsed.text(decl);
        // zlib-ng's "PREFIX(inflate)(z_stream *strm)": the name is the macro call itself.
        java.util.regex.Matcher wrapped = WRAPPED_NAME.matcher(t);
        if (wrapped.lookingAt()) {
            return wrapped.group(1).replaceAll("\\s+", "");
        }
        int paren = t.indexOf('(');
        String head = (paren >= 0 ? t.substring(0, paren) : t).strip();
        int i = head.length();
        // non-ASCII letters count too: gcc and tree-sitter take UTF-8 identifiers (décodeur, 状态)
        while (i > 0 && (CLexer.isIdentPart(head.charAt(i - 1)) || head.charAt(i - 1) > 0x7f)) {
            i--;
        }
        String name = head.substring(i);
        return name.isEmpty() ? head : name;
    }

    private static List<Integer> computedGotoLines(byte[] bytes) {
        byte[] needle = (MacroExpander.COMPUTED_GOTO + "(").getBytes(StandardCharsets.US_ASCII);
        List<Integer> out = new ArrayList<>();
        int line = 1;
        int last = 0;
        for (int pos : indexAll(bytes, needle)) {
            for (int i = last; i < pos; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            last = pos;
            out.add(line);
        }
        return out;
    }

    /** Byte offsets of every occurrence of {@code needle} as a whole word. */
    static int[] indexAll(byte[] bytes, byte[] needle) {
        return indexAll(bytes, needle, 0, bytes.length);
    }

    /** Byte offsets in {@code [from, to)} of every occurrence of {@code needle} starting a word. */
    static int[] indexAll(byte[] bytes, byte[] needle, int from, int to) {
        int[] out = new int[16];
        int count = 0;
        byte first = needle[0];
        int limit = Math.min(bytes.length, to) - needle.length;
        outer:
        for (int i = from; i <= limit; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            if (i > 0 && CLexer.isIdentPart((char) (bytes[i - 1] & 0xff))) {
                continue;
            }
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, count * 2);
            }
            out[count++] = i;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /**
     * Offsets of {@code switch}, {@code goto} and {@code __loopscout_goto} in one pass over the bytes (the
     * candidate filter: only functions holding one are analysed).
     */
    static int[] keywordOffsets(byte[] bytes) {
        int[] out = new int[64];
        int count = 0;
        int n = bytes.length;
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            byte[] needle;
            if (b == 's') {
                needle = SWITCH;
            } else if (b == 'g') {
                needle = GOTO;
            } else if (b == '_') {
                needle = COMPUTED;
            } else {
                continue;
            }
            if (i + needle.length > n || (i > 0 && CLexer.isIdentPart((char) (bytes[i - 1] & 0xff)))) {
                continue;
            }
            int k = 1;
            while (k < needle.length && bytes[i + k] == needle[k]) {
                k++;
            }
            if (k < needle.length) {
                continue;
            }
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, count * 2);
            }
            out[count++] = i;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    private static boolean containsAny(int[] sorted, int start, int end) {
        int i = java.util.Arrays.binarySearch(sorted, start);
        if (i < 0) {
            i = -i - 1;
        }
        return i < sorted.length && sorted[i] < end;
    }
}
