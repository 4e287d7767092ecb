package io.loopscout.extract.rewrite;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of rewriting a crate.
 *
 * @param crate        the crate directory
 * @param mode         how it was run
 * @param loops        one outcome per state loop the extractor found, in file and line order
 * @param changedFiles paths (relative to the crate) whose text differs from the original
 * @param diff         the unified diff of every change ({@code patch -p1} / {@code git apply}), "" when none
 * @param applied      true when the changes were written to the crate directory (IN_PLACE with changes)
 */
public record RewriteResult(Path crate, CrateRewriter.Mode mode, List<LoopOutcome> loops, List<String> changedFiles,
        String diff, boolean applied) {

    public RewriteResult {
        loops = List.copyOf(loops);
        changedFiles = List.copyOf(changedFiles);
    }

    /** How many loops ended with {@code status}. */
    public long count(LoopOutcome.Status status) {
        return loops.stream().filter(l -> l.status() == status).count();
    }
}
