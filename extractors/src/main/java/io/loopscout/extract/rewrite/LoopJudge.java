package io.loopscout.extract.rewrite;

import io.loopscout.extract.Finding;
import io.loopscout.extract.parse.ParsedSource;
import org.treesitter.TSNode;

/**
 * The one judge of a finding's {@code eligible}/{@code reason} (shared/patterns.md): the rewriter's own planner,
 * asked before any compiling. The extractor asks it; nothing else decides eligibility.
 */
public final class LoopJudge {

    private LoopJudge() {
    }

    /**
     * Null when the planner would rewrite the loop, else the id of the reason it leaves it alone.
     *
     * @param parsed  the file
     * @param loop    the loop statement
     * @param finding what the extractor found (its state variable and state type are used)
     */
    public static String reason(ParsedSource parsed, TSNode loop, Finding finding) {
        try {
            return new LoopPlanner(LoopSite.of(parsed, loop, finding)).plan().refusal();
        } catch (StackOverflowError e) {
            return RefusalReason.TOO_DEEP.id();
        }
    }
}
