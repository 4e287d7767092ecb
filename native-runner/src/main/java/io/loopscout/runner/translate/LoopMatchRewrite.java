package io.loopscout.runner.translate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Rewrites a crate's state loops to the gated #[loop_match] form in place and says what it did per loop.
 * {@link VerifiedLoopMatchRewrite} is the one loopscout uses (CrateRewriter, builds verified in the sandbox).
 */
@FunctionalInterface
public interface LoopMatchRewrite {

    /** Rewrites {@code crate} in place; one entry per candidate loop, rewritten or not. */
    List<CComparison.LoopRewrite> apply(Path crate) throws IOException, InterruptedException;
}
