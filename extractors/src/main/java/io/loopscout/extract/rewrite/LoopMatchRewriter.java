package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import io.loopscout.extract.parse.ParseTimeoutException;
import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.Queries;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;

/**
 * Rewrites the state loops of one Rust file to the {@code #[loop_match]} form as minimal text edits (pure: no
 * files, no compiler). The loops are named by findings of the Rust extractor (their start line and state
 * variable); each is re-located in a fresh tree-sitter parse. Attributes are gated by {@code cfg_attr(loop_match,
 * ..)}, so the result means the same and builds on stable; the crate root needs
 * {@code #![cfg_attr(loop_match, feature(loop_match))]}.
 */
public final class LoopMatchRewriter {

    /** The detail of a loop lifted into a flattened outer loop, followed by the outer loop's line. */
    public static final String FLATTENED_INTO = "flattened into the state loop at line ";

    // `for` loops too: the planner leaves them alone with its own reason (for-loop), as the extractor's finding says
    private static final String LOOPS = "[(loop_expression) (while_expression) (for_expression)] @loop";

    /** Plans the rewrite of every loop named by {@code findings} in {@code text}. */
    public FileRewrite plan(String path, String text, List<Finding> findings) {
        return plan(path, text, findings, java.util.Set.of());
    }

    /**
     * Plans like {@link #plan(String, String, List)}, copying the field state of the loops of
     * {@code identityCopy} through an exhaustive identity match (for a state type that is not {@code Copy}).
     */
    public FileRewrite plan(String path, String text, List<Finding> findings, java.util.Set<Finding> identityCopy) {
        ParsedSource parsed;
        try {
            parsed = ParsedSource.parse(ParsedSource.Grammar.RUST, text);
        } catch (ParseTimeoutException e) {
            return new FileRewrite(path, text, findings.stream().map(f -> LoopPlan.refused(f, f.startLine(),
                    f.endLine(), RefusalReason.PARSE_TIMEOUT, path + ": " + e.getMessage())).toList());
        }
        List<TSNode> loops = loops(parsed);
        List<LoopPlan> plans = new ArrayList<>();
        for (Finding f : findings) {
            TSNode loop = loopAt(loops, f.startLine(), text);
            if (loop == null) {
                plans.add(LoopPlan.refused(f, f.startLine(), f.endLine(), RefusalReason.LOOP_NOT_FOUND,
                        "no loop starts at " + path + ":" + f.startLine()));
                continue;
            }
            try {
                plans.add(new LoopPlanner(LoopSite.of(parsed, loop, f), identityCopy.contains(f)
                        ? LoopPlanner.StateCopy.IDENTITY_MATCH : LoopPlanner.StateCopy.PLAIN).plan());
            } catch (StackOverflowError e) {
                // pathological nesting: leave this loop alone rather than fail the file
                plans.add(LoopPlan.refused(f, f.startLine(), f.endLine(), RefusalReason.TOO_DEEP, "nesting too deep to analyse"));
            }
        }
        return new FileRewrite(path, text, withoutNested(plans));
    }

    /** The text with every rewritable loop named by {@code findings} rewritten. */
    public String rewrite(String text, List<Finding> findings) {
        return plan("<text>", text, findings).applyAll();
    }

    private static List<TSNode> loops(ParsedSource parsed) {
        List<TSNode> out = new ArrayList<>();
        TSQueryCursor cursor = new TSQueryCursor();
        cursor.exec(Queries.get(ParsedSource.Grammar.RUST, LOOPS), parsed.root());
        TSQueryMatch match = new TSQueryMatch();
        while (cursor.nextMatch(match)) {
            for (TSQueryCapture c : match.getCaptures()) {
                out.add(c.getNode());
            }
        }
        return out;
    }

    /**
     * The outermost loop starting on {@code line} (query results come in document order, outer first), or
     * right below attribute lines starting there.
     */
    private static TSNode loopAt(List<TSNode> loops, int line, String text) {
        String[] lines = text.split("\n", -1);
        for (TSNode n : loops) {
            int start = ParsedSource.startLine(n);
            if (start == line) {
                return n;
            }
            if (start > line && start - line <= 4) {
                boolean attributes = true;
                for (int l = line; l < start; l++) {
                    attributes &= lines[l - 1].strip().startsWith("#[");
                }
                if (attributes) {
                    return n;
                }
            }
        }
        return null;
    }

    /**
     * Of two nested rewritable loops only the outer one is rewritten: their edits would interleave. A loop
     * inside a flattened loop is part of its rewrite.
     */
    private static List<LoopPlan> withoutNested(List<LoopPlan> plans) {
        List<LoopPlan> out = new ArrayList<>(plans);
        for (int i = 0; i < out.size(); i++) {
            LoopPlan inner = out.get(i);
            for (LoopPlan outer : out) {
                // a loop the chain flattening lifted into the outer loop's match is part of that rewrite, whatever
                // the planner said of it alone
                boolean lifted = outer.rewritable() && outer.normalisations().contains("flatten-chain");
                if (outer != inner && outer.rewritable() && (inner.rewritable() || lifted)
                        && outer.startLine() <= inner.startLine() && inner.endLine() <= outer.endLine()
                        && !(outer.startLine() == inner.startLine() && outer.endLine() == inner.endLine())) {
                    out.set(i, inner.refuse(RefusalReason.NESTED_IN_REWRITTEN_LOOP,
                            (lifted ? FLATTENED_INTO : "inside the state loop at line ") + outer.startLine()));
                    break;
                }
            }
        }
        return out;
    }
}
