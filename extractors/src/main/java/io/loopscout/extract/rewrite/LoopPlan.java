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
 * @param reason             null when the loop can be rewritten, else why not
 * @param detail             a human sentence on the refusal, or empty
 * @param edits              the edits (byte offsets of the original file); empty when refused
 * @param constTransitions   transitions turned into {@code #[const_continue] break 'blk X}
 * @param dynamicTransitions transitions turned into {@code break 'blk expr}
 * @param normalisations     the ids of the normalisations the rewrite needed, in order
 */
public record LoopPlan(Finding finding, int startLine, int endLine, RefusalReason reason, String detail,
        List<TextEdit> edits, int constTransitions, int dynamicTransitions, List<String> normalisations) {

    public LoopPlan {
        edits = List.copyOf(edits);
        normalisations = List.copyOf(normalisations);
    }

    /** A plan that leaves the loop alone. */
    static LoopPlan refused(Finding f, int startLine, int endLine, RefusalReason reason, String detail) {
        return new LoopPlan(f, startLine, endLine, reason, detail, List.of(), 0, 0, List.of());
    }

    /** True when the loop gets rewritten. */
    public boolean rewritable() {
        return reason == null;
    }

    /** The refusal's reason id ({@code match-guards}), or null when the loop gets rewritten. */
    public String refusal() {
        return reason == null ? null : reason.id();
    }

    /** The same plan, now refused. */
    LoopPlan refuse(RefusalReason why, String detail) {
        return refused(finding, startLine, endLine, why, detail);
    }
}
