package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import java.util.List;

/**
 * What the rewriter would do to one loop: the text edits of its {@code #[loop_match]} form, or why it leaves
 * the loop alone.
 *
 * @param finding            the finding that named the loop
 * @param startLine          1-based line of the loop statement (the finding's line when the loop was not found)
 * @param endLine            1-based last line of the loop statement
 * @param refusal            null when the loop can be rewritten, else the reason id (e.g. {@code match-guards})
 * @param detail             a human sentence on the refusal, or empty
 * @param edits              the edits (byte offsets of the original file); empty when refused
 * @param constTransitions   transitions turned into {@code #[const_continue] break 'blk X}
 * @param dynamicTransitions transitions turned into {@code break 'blk expr}
 */
public record LoopPlan(Finding finding, int startLine, int endLine, String refusal, String detail,
        List<TextEdit> edits, int constTransitions, int dynamicTransitions) {

    public LoopPlan {
        edits = List.copyOf(edits);
    }

    /** A plan that leaves the loop alone. */
    static LoopPlan refused(Finding f, int startLine, int endLine, String reason, String detail) {
        return new LoopPlan(f, startLine, endLine, reason, detail, List.of(), 0, 0);
    }

    /** True when the loop gets rewritten. */
    public boolean rewritable() {
        return refusal == null;
    }

    /** The same plan, now refused. */
    LoopPlan refuse(String reason, String why) {
        return refused(finding, startLine, endLine, reason, why);
    }
}
