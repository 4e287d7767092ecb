package io.loopscout.extract.rust;

import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.SourceText;
import io.loopscout.extract.parse.SyntaxNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * One Rust file in the two-pass crate extraction: parsed once, it yields its declarations (to merge into the
 * crate table) and its candidate loops and step functions; {@link #finish} then resolves their state types
 * against the complete table and assembles the findings ({@link RustFindings}).
 */
public final class RustCratePass {

    private static final Map<String, String> LOOPS = Map.of("loop", "loop_expression", "while", "while_expression");
    private static final Map<String, String> LOOPS_AND_FOR = Map.of("loop", "loop_expression",
            "while", "while_expression", "for", "for_expression");
    /** Most specific first: one loop is one finding, the first family that claims it wins. */
    private static final List<RustLoopFamily> FAMILIES = List.of(new LoopMatchLoops(),
            new C2RustCurrentBlockLoops(), new StateLoops(), new DispatchLoops());
    /**
     * A {@code for} loop is only ever a state loop: a state carried from round to round, assigned constants in
     * the arms ({@code for c in s.chars() { state = match state { .. } }}, unicode-segmentation's word
     * breaker). A match on the loop's item is a negative case of shared/patterns.md, however many arms it has.
     */
    private static final int FOR_LOOP_FAMILY = FAMILIES.indexOf(FAMILIES.stream()
            .filter(f -> f instanceof StateLoops).findFirst().orElseThrow());

    /**
     * Parses {@code file} once for both passes over a crate: its declarations (to merge into the crate table)
     * and its candidate loops; {@link #finish} then resolves state types against the complete table.
     * Only files with a classified loop keep their tree until then.
     *
     * @param declarations which of the file's declarations to collect
     */
    static RustCratePass of(SourceFile file, Duration timeout, RustExtractor.Declarations declarations) {
        String text = file.text();
        if (text.length() > RustExtractor.MAX_BYTES) {
            return done(FileExtraction.notAnalysed(FileOutcome.TOO_LARGE,
                    "over " + RustExtractor.MAX_BYTES + " characters"));
        }
        // A file that cannot hold a finding is not parsed for its loops (nor are its parse errors counted)
        FileExtraction early = !RustPrefilters.mayHoldFindings(text) ? FileExtraction.read(List.of(), 0)
                : RustPrefilters.nestingDepth(text) > RustExtractor.MAX_DEPTH ? tooDeep() : null;
        if (early != null && !(declarations == RustExtractor.Declarations.ALWAYS && RustPrefilters.mayDeclareTypes(text))) {
            return done(early);
        }
        ParsedSource parsed;
        try {
            parsed = ParsedSource.parse(ParsedSource.Grammar.RUST, text, timeout);
        } catch (ParseTimeoutException e) {
            return done(early != null ? early
                    : FileExtraction.notAnalysed(FileOutcome.PARSE_TIMEOUT, e.getMessage()));
        }
        RustCratePass pass = new RustCratePass(file, parsed);
        List<TSNode> loops = null;
        try {
            if (declarations != RustExtractor.Declarations.NONE && early == null) {
                // one scan of the bytes for the items' keywords and the loops' (their node types differ)
                Map<String, String> loopKeywords = loopKeywords(text);
                Map<String, String> both = new HashMap<>(RustSymbols.itemKeywords());
                both.putAll(loopKeywords);
                List<TSNode> items = new ArrayList<>();
                loops = new ArrayList<>();
                for (TSNode n : KeywordNodes.find(parsed, both)) {
                    (loopKeywords.containsValue(Nodes.type(n)) ? loops : items).add(n);
                }
                pass.symbols = RustSymbols.of(parsed, items);
            } else if (declarations != RustExtractor.Declarations.NONE) {
                pass.symbols = RustSymbols.of(parsed);
            }
        } catch (RuntimeException e) {
            // the crate table goes without this file's declarations; extraction reports the cause if it needs them
            pass.symbolsError = e;
        }
        if (early != null) {
            pass.result = early;
            pass.dropTree();
            return pass;
        }
        try {
            pass.findCandidates(loops);
        } catch (StackOverflowError e) {
            pass.fail(tooDeep());
        } catch (RuntimeException e) {
            // An extractor bug must not kill a corpus run; the file is reported with the cause instead.
            pass.fail(extractorError(e));
        }
        return pass;
    }

    private final SourceFile file;
    private ParsedSource parsed;
    private RustSymbols symbols = new RustSymbols();
    private RuntimeException symbolsError;
    private FileExtraction result;
    private SourceText source;
    private int fileErrors;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<StepMachines.Step> steps = new ArrayList<>();

    /**
     * A classified loop waiting for its state type.
     *
     * @param family the index in {@link #FAMILIES} of the family that claimed it (lower is more specific)
     */
    private record Candidate(TSNode loop, LoopAnalysis analysis, Pattern pattern, int family) {

        /**
         * Of two dispatches in one loop body, the one qualifying for the more specific pattern wins
         * (shared/patterns.md's order); within one pattern, the one with more constant transitions in its arms,
         * then the first.
         */
        boolean outranks(Candidate other) {
            return family != other.family ? family < other.family
                    : analysis.constTransitionsInArms > other.analysis.constTransitionsInArms;
        }
    }

    private RustCratePass(SourceFile file, ParsedSource parsed) {
        this.file = file;
        this.parsed = parsed;
    }

    private static RustCratePass done(FileExtraction result) {
        RustCratePass p = new RustCratePass(null, null);
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

    private void fail(FileExtraction failure) {
        result = failure;
        dropTree();
        candidates.clear();
        steps.clear();
    }

    /** The keywords of the loops looked for in {@code text}, each with its loop's node type. */
    private static Map<String, String> loopKeywords(String text) {
        // "for" is a common word: for loops are looked for only in a file that may hold a for state loop
        return RustPrefilters.mayHoldForStateLoop(text) ? LOOPS_AND_FOR : LOOPS;
    }

    /** @param loops the file's loop nodes when already found ({@link #loopKeywords}), else null */
    private void findCandidates(List<TSNode> loops) {
        TSNode root = parsed.root();
        fileErrors = parsed.errorCount(root);
        source = new SourceText(parsed.bytes());
        boolean mayBeC2Rust = file.text().contains("current_block");
        boolean mayBeAnnotated = file.text().contains("loop_match");
        Map<List<String>, List<SyntaxNode>> copies = new HashMap<>();
        // read only when a loop asks (see LocalMacros)
        LocalMacros localMacros = file.text().contains("macro_rules!") ? new LocalMacros(file.text()) : null;
        ConstItems constItems = new ConstItems(file.text());
        for (TSNode loop : loops != null ? loops : KeywordNodes.find(parsed, loopKeywords(file.text()))) {
            // A dispatching match needs its keyword in the loop's text (a c2rust chain, an `if`): a text
            // test in Java spares the JNI look at the body of every other loop.
            if (!source.containsAny(Nodes.start(loop), Nodes.end(loop),
                    mayBeC2Rust ? RustPrefilters.MATCH_OR_IF : RustPrefilters.MATCH)) {
                continue;
            }
            boolean forLoop = Nodes.type(loop).equals("for_expression");
            // most for loops hold no match on a name they assign: a text test spares them the JNI look
            if (forLoop && !RustPrefilters.mayHoldForStateLoop(source.text(Nodes.start(loop), Nodes.end(loop)))) {
                continue;
            }
            List<String> words = RustPrefilters.dispatchCandidate(loop, mayBeC2Rust && !forLoop, forLoop, source,
                    localMacros);
            if (words == null) {
                continue;
            }
            List<LoopAnalysis> analyses = LoopAnalysis.candidates(copyOf(loop, source, words, copies), localMacros,
                    constItems);
            if (analyses.isEmpty()) {
                continue;
            }
            boolean annotated = mayBeAnnotated && annotatedLoopMatch(loop, parsed);
            Candidate best = null;
            for (LoopAnalysis a : analyses) {
                a.annotatedLoopMatch = annotated;
                Candidate c = forLoop ? classifyAs(FOR_LOOP_FAMILY, loop, a) : classify(loop, a);
                if (c != null && (best == null || c.outranks(best))) {
                    best = c;
                }
            }
            if (best != null) {
                candidates.add(best);
            }
        }
        if (file.text().contains("match")) {
            steps.addAll(StepMachines.find(parsed, source, file.text()));
        }
        if (candidates.isEmpty() && steps.isEmpty()) {
            result = result(List.of());
            dropTree();
        }
    }

    /**
     * Frees the file's tree at once: nothing of it is used after this. Left to the garbage collector, the trees
     * of a crate's files (~30 bytes per source byte) pile up in native memory, which no collection is prompted by.
     */
    private void dropTree() {
        if (parsed != null) {
            parsed.close();
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
            StateTypes types = new StateTypes(extractor.crateSymbols(), symbols);
            List<Finding> findings = new ArrayList<>();
            for (Candidate c : candidates) {
                findings.add(RustFindings.ofLoop(file, parsed, source, c.loop(), c.analysis(), c.pattern(), types));
            }
            for (StepMachines.Step step : steps) {
                findings.add(RustFindings.ofStep(file, parsed, source, step, types));
            }
            result = result(findings);
        } catch (StackOverflowError e) {
            result = tooDeep();
        } catch (RuntimeException e) {
            result = extractorError(e);
        }
        dropTree();
        candidates.clear();
        steps.clear();
        return result;
    }

    private FileExtraction result(List<Finding> found) {
        List<Finding> findings = new ArrayList<>(found);
        findings.sort((x, y) -> x.startLine() != y.startLine() ? Integer.compare(x.startLine(), y.startLine())
                : Integer.compare(x.endLine(), y.endLine()));
        return FileExtraction.parsed(findings, fileErrors, source.lineCount());
    }

    private static FileExtraction tooDeep() {
        return FileExtraction.notAnalysed(FileOutcome.TOO_DEEP, "nests deeper than " + RustExtractor.MAX_DEPTH
                + " brackets");
    }

    /** An extractor bug must not kill a corpus run: the file is reported (extract-fail) with the cause. */
    private static FileExtraction extractorError(RuntimeException e) {
        return FileExtraction.notAnalysed(FileOutcome.EXTRACTOR_ERROR, e.toString());
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

    /** The loop as the first family that claims this dispatch of it sees it, or null. */
    private static Candidate classify(TSNode loop, LoopAnalysis a) {
        for (int i = 0; i < FAMILIES.size(); i++) {
            Pattern p = FAMILIES.get(i).classify(a);
            if (p != null) {
                return new Candidate(loop, a, p, i);
            }
        }
        return null;
    }

    /** The loop as family {@code i} sees it, or null. */
    private static Candidate classifyAs(int i, TSNode loop, LoopAnalysis a) {
        Pattern p = FAMILIES.get(i).classify(a);
        return p == null ? null : new Candidate(loop, a, p, i);
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
}
