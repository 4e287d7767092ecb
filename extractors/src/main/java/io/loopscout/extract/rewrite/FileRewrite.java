package io.loopscout.extract.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rewrite plans of one file. Every plan's edits are relative to the original text, so any subset of the
 * rewritable loops can be applied (the crate rewriter reverts a loop by leaving it out).
 *
 * @param path     the file's path (as given)
 * @param original the original text
 * @param loops    one plan per finding, in the findings' order
 */
public record FileRewrite(String path, String original, List<LoopPlan> loops) {

    public FileRewrite {
        loops = List.copyOf(loops);
    }

    /** The rewritable plans. */
    public List<LoopPlan> rewritable() {
        return loops.stream().filter(LoopPlan::rewritable).toList();
    }

    /** The text with the given (rewritable) loops rewritten and every other byte unchanged. */
    public String apply(Collection<LoopPlan> chosen) {
        List<TextEdit> edits = new ArrayList<>();
        for (LoopPlan p : chosen) {
            if (!p.rewritable()) {
                throw new IllegalArgumentException("loop at line " + p.startLine() + " is not rewritable");
            }
            edits.addAll(p.edits());
        }
        return edits.isEmpty() ? original : TextEdit.apply(original.getBytes(StandardCharsets.UTF_8), edits);
    }

    /** The text with every rewritable loop rewritten. */
    public String applyAll() {
        return apply(rewritable());
    }
}
