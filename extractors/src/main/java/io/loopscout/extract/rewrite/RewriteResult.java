package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The findings with the outcome of their loop's rewrite. Findings are matched by file (relative to the crate)
     * and loop line; a state-family finding the rewriter did not plan (a file outside {@code src/}) is left alone
     * with reason {@code outside-crate-sources}; other findings are returned as they are.
     */
    public List<Finding> annotate(List<Finding> findings) {
        Map<String, LoopOutcome> byPlace = new HashMap<>();
        for (LoopOutcome l : loops) {
            byPlace.put(l.file() + ":" + l.line(), l);
        }
        return findings.stream().map(f -> {
            if (!CrateRewriter.rewrites(f)) {
                return f;
            }
            LoopOutcome o = byPlace.get(f.file() + ":" + f.startLine());
            return f.withRewrite(o != null ? o : new LoopOutcome(f.file(), f.startLine(), f.pattern().id(),
                    f.stateVariable(), LoopOutcome.Status.LEFT_ALONE, RefusalReason.OUTSIDE_CRATE_SOURCES.id()
                    + ": the rewriter plans the files under src/"));
        }).toList();
    }

    /** How many loops ended with {@code status}. */
    public long count(LoopOutcome.Status status) {
        return loops.stream().filter(l -> l.status() == status).count();
    }
}
