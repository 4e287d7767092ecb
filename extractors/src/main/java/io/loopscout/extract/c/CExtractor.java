package io.loopscout.extract.c;

import io.loopscout.core.Language;
import io.loopscout.extract.Extractor;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.Queries;
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
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;

/**
 * Finds every C pattern of shared/patterns.md in one file with tree-sitter-c, after expanding the macros
 * that hide control flow (from the file and, when given, its local includes).
 *
 * <p>Never throws for bad input: an unreadable, oversized or unparseable file yields a {@link FileExtraction}
 * with {@code problem} set. Not thread-safe only in the sense of {@link Extractor}; it holds no mutable state.
 */
public final class CExtractor implements Extractor {

    /** Files larger than this (UTF-8 bytes) are not parsed; the SQLite amalgamation is about 9 MB. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Findings' snippets are cut after this many lines. */
    public static final int SNIPPET_LINES = 200;

    private static final String ROOT_QUERY = String.join("\n",
            "(function_definition declarator: (_) @function.decl) @function",
            "(enumerator name: (identifier) @enumerator)");
    private static final byte[] SWITCH = "switch".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GOTO = "goto".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMPUTED = MacroExpander.COMPUTED_GOTO.getBytes(StandardCharsets.US_ASCII);

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
        return extract(file, MacroTable.of(extraIncludes).then(includes));
    }

    /** Extracts with the macros of {@code includeMacros} in addition to the file's own. */
    public FileExtraction extract(SourceFile file, MacroTable includeMacros) {
        String text = file.text();
        if (text == null) {
            return new FileExtraction(List.of(), 0, "no-text: " + file.path());
        }
        if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return new FileExtraction(List.of(), 0, "too-large: " + file.path() + " exceeds " + MAX_BYTES + " bytes");
        }
        if (text.indexOf('\u0000') >= 0) {
            return new FileExtraction(List.of(), 0, "binary: " + file.path() + " contains NUL characters");
        }
        String problem = text.indexOf('\uFFFD') >= 0
                ? "not-utf8: " + file.path() + " had bytes that are not UTF-8 (replaced)" : null;
        try {
            return run(file, text, includeMacros, problem);
        } catch (ParseTimeoutException e) {
            return new FileExtraction(List.of(), 0, "timeout: " + file.path() + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            return new FileExtraction(List.of(), 0, "too-deep: " + file.path() + " nests too deeply to analyse");
        } catch (RuntimeException e) {
            return new FileExtraction(List.of(), 0, "extractor-error: " + file.path() + ": " + e);
        }
    }

    private FileExtraction run(SourceFile file, String text, MacroTable includeMacros, String problem) {
        MacroTable table = MacroTable.of(file.path(), text).then(includeMacros);
        // Lines keep their numbers through both rewrites, so findings point into the original text.
        String prepared = ConditionalBlanker.blank(text);
        boolean expand = MacroExpander.mayNeedExpansion(prepared, table);
        MacroExpander.Result first = expand ? MacroExpander.expand(prepared, table, 0) : null;
        ParsedSource parsed = ParsedSource.parse(ParsedSource.Grammar.C, first == null ? prepared : first.text(),
                timeout);
        Map<String, Finding> findings = new LinkedHashMap<>();
        SourceLines lines = new SourceLines(text);
        BitSet noMacros = new BitSet();
        boolean tableElsewhere = includeMacros.hasLabelAddresses() || table.hasLabelAddressMacro();
        for (Draft d : analyze(parsed, first, table, tableElsewhere)) {
            Finding f = toFinding(d, file, lines, first == null ? noMacros : first.macroLines());
            findings.putIfAbsent(f.pattern().id() + "@" + f.startLine(), f);
        }
        if (first != null && first.alternatives()) {
            // Another #if branch defines a control-flow macro differently: the pattern counts if either has it.
            MacroExpander.Result second = MacroExpander.expand(prepared, table, 1);
            ParsedSource other = ParsedSource.parse(ParsedSource.Grammar.C, second.text(), timeout);
            for (Draft d : analyze(other, second, table, tableElsewhere)) {
                Finding f = toFinding(d, file, lines, second.macroLines());
                boolean sameLoop = findings.values().stream().anyMatch(x -> x.startLine() == f.startLine());
                if (!sameLoop) {
                    findings.put(f.pattern().id() + "@" + f.startLine(), f);
                }
            }
        }
        List<Finding> ordered = new ArrayList<>(findings.values());
        ordered.sort((a, b) -> a.startLine() != b.startLine() ? Integer.compare(a.startLine(), b.startLine())
                : a.pattern().compareTo(b.pattern()));
        return new FileExtraction(ordered, parsed.errorCount(parsed.root()), problem);
    }

    /** The drafts of one parsed variant of the file. */
    private List<Draft> analyze(ParsedSource parsed, MacroExpander.Result expansion, MacroTable table,
                                boolean tableElsewhere) {
        byte[] bytes = parsed.bytes();
        int[] hits = merge(merge(indexAll(bytes, SWITCH), indexAll(bytes, GOTO)), indexAll(bytes, COMPUTED));
        if (hits.length == 0) {
            return List.of();
        }
        Set<String> constants = new HashSet<>();
        List<TSNode[]> functions = new ArrayList<>();
        TSQuery query = Queries.get(ParsedSource.Grammar.C, ROOT_QUERY);
        TSQueryCursor cursor = new TSQueryCursor();
        cursor.exec(query, parsed.root());
        TSQueryMatch match = new TSQueryMatch();
        while (cursor.nextMatch(match)) {
            TSNode fn = null;
            TSNode decl = null;
            for (TSQueryCapture cap : match.getCaptures()) {
                String name = query.getCaptureNameForId(cap.getIndex());
                switch (name) {
                    case "function" -> fn = cap.getNode();
                    case "function.decl" -> decl = cap.getNode();
                    case "enumerator" -> constants.add(parsed.text(cap.getNode()));
                    default -> { }
                }
            }
            if (fn != null && containsAny(hits, fn.getStartByte(), fn.getEndByte())) {
                functions.add(new TSNode[] {fn, decl});
            }
        }
        List<Integer> gotoLines = expansion == null || expansion.computedGotos() == 0
                ? List.of() : computedGotoLines(parsed.bytes());
        List<Draft> drafts = new ArrayList<>();
        SwitchPatternFinder[] finders = SwitchPatternFinder.inPrecedenceOrder();
        for (TSNode[] f : functions) {
            FunctionFacts facts = new FunctionFacts(parsed, f[0], functionName(parsed, f[1]));
            Set<Integer> loopsReported = new HashSet<>();
            for (FunctionFacts.Span sw : facts.switches) {
                SwitchModel m = new SwitchModel(facts, sw, constants);
                for (SwitchPatternFinder finder : finders) {
                    if (!finder.matches(m)) {
                        continue;
                    }
                    FunctionFacts.Span anchor = finder.anchor(m);
                    // One loop is one finding: a second switch in the same loop adds nothing.
                    if (anchor != sw && !loopsReported.add(anchor.start())) {
                        break;
                    }
                    drafts.add(new Draft(finder.pattern(), facts, ParsedSource.startLine(anchor.node()),
                            ParsedSource.endLine(anchor.node()), m.stateVar, m.arms.size(), m.constTransitions,
                            m.dynamicTransitions, m.fallthroughs, m.exits, m.graph()));
                    break;
                }
            }
            Draft computed = new ComputedGotoFinder().find(facts, gotoLines, tableElsewhere);
            if (computed != null) {
                drafts.add(computed);
            } else {
                int dynamic = (int) gotoLines.stream().filter(l -> l >= facts.function.getStartPoint().getRow() + 1
                        && l <= facts.function.getEndPoint().getRow() + 1).count();
                Draft machine = new GotoStateMachineFinder().find(facts, dynamic);
                if (machine != null) {
                    drafts.add(machine);
                }
            }
        }
        return drafts;
    }

    private Finding toFinding(Draft d, SourceFile file, SourceLines lines, BitSet macroLines) {
        int next = macroLines.nextSetBit(d.startLine());
        boolean macroDerived = next >= 0 && next <= d.endLine();
        int errors = d.fn().parseErrors();
        String findingMode = mode != null ? mode : macroDerived ? "macro-expanded" : "syntactic";
        return Finding.builder()
                .project(file.project()).version(file.version()).language(Language.C).file(file.path())
                .startLine(d.startLine()).endLine(d.endLine()).function(d.fn().name).pattern(d.pattern())
                .stateVariable(d.stateVariable()).states(d.states()).constTransitions(d.constTransitions())
                .dynamicTransitions(d.dynamicTransitions()).fallthroughs(d.fallthroughs()).exits(d.exits())
                .parseErrors(errors)
                .confidence(errors > 0 || macroDerived ? Finding.Confidence.LOW : Finding.Confidence.HIGH)
                .mode(findingMode).snippet(lines.snippet(d.startLine(), d.endLine(), SNIPPET_LINES))
                .graph(d.graph()).build();
    }

    /** The function's name: the identifier before the parameter list of its declarator. */
    private static String functionName(ParsedSource parsed, TSNode decl) {
        if (decl == null) {
            return "";
        }
        String t = parsed.text(decl);
        int paren = t.indexOf('(');
        String head = (paren >= 0 ? t.substring(0, paren) : t).strip();
        int i = head.length();
        while (i > 0 && CLexer.isIdentPart(head.charAt(i - 1))) {
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
        int[] out = new int[16];
        int count = 0;
        byte first = needle[0];
        int limit = bytes.length - needle.length;
        outer:
        for (int i = 0; i <= limit; i++) {
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

    private static int[] merge(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        java.util.Arrays.sort(out);
        return out;
    }

    private static boolean containsAny(int[] sorted, int start, int end) {
        int i = java.util.Arrays.binarySearch(sorted, start);
        if (i < 0) {
            i = -i - 1;
        }
        return i < sorted.length && sorted[i] < end;
    }
}
