package io.loopscout.extract.rust;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.SourceText;
import io.loopscout.extract.rewrite.LoopJudge;
import java.util.List;
import org.treesitter.TSNode;

/** Assembles one Rust finding from an analysed loop or step function: place, names, state type, eligibility. */
final class RustFindings {

    private static final int SNIPPET_LINES = 200;

    private RustFindings() {
    }

    /** The finding of a loop classified as {@code pattern}. */
    static Finding ofLoop(SourceFile file, ParsedSource parsed, SourceText source, TSNode loop, LoopAnalysis a,
            Pattern pattern, StateTypes types) {
        List<TSNode> ancestors = Nodes.ancestors(parsed.root(), loop);
        List<String> ancestorTypes = ancestors.stream().map(Nodes::type).toList();
        int fnAt = ancestorTypes.indexOf("function_item");
        TSNode fn = fnAt < 0 ? null : ancestors.get(fnAt);
        String implType = fnAt < 0 ? null : implType(parsed, ancestors.subList(fnAt, ancestors.size()));
        return assemble(file, parsed, source, loop, fn, implType, a, pattern, types).build();
    }

    /** The finding of a step machine: its span is the step's match; the driver's function and line go with it. */
    static Finding ofStep(SourceFile file, ParsedSource parsed, SourceText source, StepMachines.Step step,
            StateTypes types) {
        String implType = implType(parsed, Nodes.ancestors(parsed.root(), step.function()));
        return assemble(file, parsed, source, step.match(), step.function(), implType, step.analysis(),
                Pattern.RUST_STEP_MACHINE, types).driverFunction(step.driverFunction())
                .driverLine(step.driverLine()).build();
    }

    /** The type name of the first impl among {@code ancestors} (innermost first), or null. */
    static String implType(ParsedSource parsed, List<TSNode> ancestors) {
        for (TSNode a : ancestors) {
            if (Nodes.type(a).equals("mod_item")) {
                return null;
            }
            if (Nodes.type(a).equals("impl_item")) {
                TSNode t = Nodes.field(a, "type");
                return Nodes.isNull(t) ? null : RustValues.lastSegment(parsed.text(t).replaceAll("<.*$", ""));
            }
        }
        return null;
    }

    private static Finding.Builder assemble(SourceFile file, ParsedSource parsed, SourceText source, TSNode span,
            TSNode fn, String implType, LoopAnalysis a, Pattern pattern, StateTypes types) {
        String function = fn == null || Nodes.isNull(Nodes.field(fn, "name")) ? ""
                : parsed.text(Nodes.field(fn, "name"));
        String stateType = pattern == Pattern.RUST_DISPATCH_LOOP && a.dispatch.kind() == Dispatch.VarKind.FETCHED
                ? "unknown" : types.resolve(a, fn == null ? null : parsed.text(fn), implType);
        // One judge: the rewriter's planner decides a loop's eligibility. A dispatch loop has no constant
        // transition by definition; a step machine's match is in no loop until the step is inlined.
        String reason = pattern == Pattern.RUST_DISPATCH_LOOP ? "no-constant-transitions"
                : pattern == Pattern.RUST_STEP_MACHINE ? "step-function"
                : LoopJudge.reason(parsed, span, Finding.builder().pattern(pattern)
                        .stateVariable(a.dispatch.stateVar()).stateType(stateType).build());
        int errors = parsed.errorCount(span);
        int start = ParsedSource.startLine(span);
        int end = ParsedSource.endLine(span);
        return Finding.builder().project(file.project()).version(file.version()).language(Language.RUST)
                .file(file.path()).startLine(start).endLine(end).function(function).pattern(pattern)
                .stateVariable(a.dispatch.stateVar()).states(a.dispatch.arms().size())
                .constTransitions(a.constTransitions).dynamicTransitions(a.dynamicTransitions).exits(a.exits)
                .stateType(stateType).eligible(reason == null).reason(reason).loopMatchReady(a.loopMatchReady())
                .parseErrors(errors)
                .confidence(a.macroTransitions || errors > 0 ? Finding.Confidence.LOW : Finding.Confidence.HIGH)
                .snippet(source.lines(start, end, SNIPPET_LINES)).graph(a.graph());
    }
}
