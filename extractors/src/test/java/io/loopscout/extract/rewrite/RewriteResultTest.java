package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every state-family finding carries its loop's outcome after a rewrite; other findings none. */
class RewriteResultTest {

    private static Finding at(String file, int line, Pattern p) {
        return Finding.builder().file(file).startLine(line).endLine(line + 5).pattern(p).stateVariable("s").build();
    }

    @Test
    void findingsGetTheirLoopsOutcome() {
        RewriteResult r = new RewriteResult(Path.of("/c"), CrateRewriter.Mode.CHECK, List.of(
                new LoopOutcome("src/a.rs", 10, "rust/state-loop", "s", LoopOutcome.Status.REWRITTEN, ""),
                new LoopOutcome("src/a.rs", 40, "rust/state-loop", "s", LoopOutcome.Status.REVERTED,
                        "stable: error[E0507]: cannot move out of `self.mode`"),
                new LoopOutcome("src/b.rs", 10, "rust/field-state-loop", "s", LoopOutcome.Status.LEFT_ALONE,
                        "match-guards: arm at line 12 has a guard")), List.of(), "", false);
        List<Finding> out = r.annotate(List.of(at("src/a.rs", 10, Pattern.RUST_STATE_LOOP),
                at("src/a.rs", 40, Pattern.RUST_STATE_LOOP), at("src/b.rs", 10, Pattern.RUST_FIELD_STATE_LOOP),
                at("examples/x.rs", 3, Pattern.RUST_C2RUST_CURRENT_BLOCK), at("src/a.rs", 70,
                        Pattern.RUST_DISPATCH_LOOP)));
        assertEquals("rewritten", out.get(0).rewrite().cell());
        assertEquals("reverted: stable: error[E0507]: cannot move out of `self.mode`", out.get(1).rewrite().cell());
        assertEquals("left-alone: match-guards: arm at line 12 has a guard", out.get(2).rewrite().cell());
        assertEquals("left-alone: outside-crate-sources: the rewriter plans the files under src/",
                out.get(3).rewrite().cell());
        assertNull(out.get(4).rewrite(), "a dispatch loop is not the rewriter's");
    }
}
