package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LoopMatchRewriterTest {

    private final LoopMatchRewriter rewriter = new LoopMatchRewriter();

    @TestFactory
    Stream<DynamicTest> eachBeforeBecomesItsAfter() {
        List<RewriteFixtures.Pair> pairs = RewriteFixtures.pairs();
        assertFalse(pairs.isEmpty());
        return pairs.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            String before = RewriteFixtures.read(p.before());
            FileRewrite plan = rewriter.plan(p.name(), before, RewriteFixtures.findings(p.before()),
                    RewriteFixtures.identityCopies(p.before()));
            Map<Integer, String> got = new LinkedHashMap<>();
            plan.loops().forEach(l -> got.put(l.finding().startLine(), l.refusal()));
            Map<Integer, String> want = new LinkedHashMap<>(RewriteFixtures.expectedReasons(p.before()));
            assertEquals(want, got, p.name() + ": outcome per loop line (null = rewritten); details: "
                    + plan.loops().stream().map(LoopPlan::detail).toList());
            assertEquals(RewriteFixtures.read(p.after()), plan.applyAll(), p.name());
        }));
    }

    /** OpenRewrite's second cycle: the extractor's findings on a rewritten file rewrite nothing more. */
    @TestFactory
    Stream<DynamicTest> rewritingARewrittenFileChangesNothing() {
        return RewriteFixtures.pairs().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            String after = RewriteFixtures.read(p.after());
            List<io.loopscout.extract.Finding> findings = new io.loopscout.extract.rust.RustExtractor()
                    .extract(new io.loopscout.extract.SourceFile("p", "1", p.name() + ".rs",
                            io.loopscout.core.Language.RUST, after)).findings().stream()
                    .filter(CrateRewriter::rewrites).toList();
            // a loop left alone for want of an identity copy stays so in the second cycle too
            java.util.Set<io.loopscout.extract.Finding> identity = RewriteFixtures.identityCopies(p.before()).isEmpty()
                    ? java.util.Set.of() : new java.util.HashSet<>(findings);
            assertEquals(after, rewriter.plan(p.name(), after, findings, identity).applyAll(), p.name());
        }));
    }

    @Test
    void thereAreAtLeastThirtyPairs() {
        assertTrue(RewriteFixtures.pairs().size() >= 30, "pairs: " + RewriteFixtures.pairs().size());
    }

    @Test
    void aLoopNotAtTheFindingsLineIsReported() {
        String text = "fn f() { let mut s = 0u8; loop { match s { 0 => s = 1, _ => return } } }\n";
        FileRewrite plan = rewriter.plan("x.rs", text, List.of(io.loopscout.extract.Finding.builder()
                .startLine(3).pattern(io.loopscout.extract.Pattern.RUST_STATE_LOOP).build()));
        assertEquals("loop-not-found", plan.loops().get(0).refusal());
        assertEquals(text, plan.applyAll());
    }

    /**
     * {@code while let} stays refused, and the reason says why: the scrutinee's temporaries live to the end of
     * the body in {@code while let} but not in the {@code loop { let .. = match .. }} it would become, and
     * whether one of them has a destructor (a lock guard) cannot be told without types.
     */
    @Test
    void aWhileLetLoopIsRefusedForTheLifetimeOfItsTemporaries() {
        RewriteFixtures.Pair p = RewriteFixtures.pairs().stream()
                .filter(x -> x.name().equals("05-while-let-left-alone")).findFirst().orElseThrow();
        String before = RewriteFixtures.read(p.before());
        LoopPlan plan = rewriter.plan(p.name(), before, RewriteFixtures.findings(p.before())).loops().get(0);
        assertEquals("while-loop", plan.refusal());
        assertTrue(plan.detail().contains("temporaries") && plan.detail().contains("types"), plan.detail());
    }
}
