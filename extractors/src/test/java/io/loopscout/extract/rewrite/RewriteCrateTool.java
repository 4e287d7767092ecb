package io.loopscout.extract.rewrite;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Developer tool: rewrites one crate with the standard rewriter and prints every loop's outcome.
 * {@code java -cp ... io.loopscout.extract.rewrite.RewriteCrateTool CRATE [IN_PLACE|CHECK|PATCH] [DIFF_FILE]}
 */
public final class RewriteCrateTool {

    private RewriteCrateTool() {
    }

    public static void main(String[] args) throws Exception {
        CrateRewriter.Mode mode = args.length > 1 ? CrateRewriter.Mode.valueOf(args[1]) : CrateRewriter.Mode.CHECK;
        long t0 = System.nanoTime();
        RewriteResult r = CrateRewriter.standard().rewrite(Path.of(args[0]), mode);
        for (LoopOutcome o : r.loops()) {
            System.out.printf("%-10s %s:%d %s %s %s%n", o.status(), o.file(), o.line(), o.pattern(),
                    o.stateVariable(), o.reason());
        }
        System.out.printf("rewritten=%d left_alone=%d reverted=%d changed=%s applied=%s seconds=%.1f%n",
                r.count(LoopOutcome.Status.REWRITTEN), r.count(LoopOutcome.Status.LEFT_ALONE),
                r.count(LoopOutcome.Status.REVERTED), r.changedFiles(), r.applied(), (System.nanoTime() - t0) / 1e9);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), r.diff());
        }
    }
}
