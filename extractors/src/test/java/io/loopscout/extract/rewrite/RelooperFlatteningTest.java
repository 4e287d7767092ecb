package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.rust.RustExtractor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The relooper flattening through the rewriter: idempotence and what it refuses (the pairs are r*-relooper-*). */
class RelooperFlatteningTest {

    private final LoopMatchRewriter rewriter = new LoopMatchRewriter();

    private static List<RewriteFixtures.Pair> relooperPairs() {
        return RewriteFixtures.pairs().stream().filter(p -> p.name().contains("relooper")).toList();
    }

    @Test
    void thereAreRelooperPairs() {
        assertTrue(relooperPairs().size() >= 3, "pairs: " + relooperPairs());
    }

    /** Everything the Rust extractor reports on a text, as the crate rewriter would pass it. */
    private static List<Finding> findings(String name, String text) {
        return new RustExtractor().extract(new SourceFile("p", "v", name, Language.RUST, text)).findings();
    }

    @TestFactory
    Stream<DynamicTest> rewritingTheRewriteChangesNothing() {
        return relooperPairs().stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            String once = rewriter.rewrite(RewriteFixtures.read(p.before()),
                    findings(p.name(), RewriteFixtures.read(p.before())));
            assertEquals(RewriteFixtures.read(p.after()), once, "the extractor's findings give the annotated rewrite");
            assertEquals(once, rewriter.rewrite(once, findings(p.name(), once)), p.name());
        }));
    }

    @Test
    void theFlattenedLoopSaysWhichNormalisationRan() {
        RewriteFixtures.Pair p = relooperPairs().get(0);
        FileRewrite plan = rewriter.plan(p.name(), RewriteFixtures.read(p.before()), RewriteFixtures.findings(p.before()));
        assertEquals(List.of("flatten-chain"), plan.loops().get(0).normalisations());
    }

    @Test
    void anInnerLoopLiftedIntoTheMatchIsReportedAsFlattenedIntoIt() {
        RewriteFixtures.Pair p = relooperPairs().stream().filter(x -> x.name().contains("inner-loop")).findFirst()
                .orElseThrow();
        String before = RewriteFixtures.read(p.before());
        FileRewrite plan = rewriter.plan(p.name(), before, findings(p.name(), before));
        LoopPlan outer = plan.loops().stream().filter(LoopPlan::rewritable).findFirst().orElseThrow();
        LoopPlan inner = plan.loops().stream().filter(l -> l.startLine() > outer.startLine()).findFirst().orElseThrow();
        assertEquals("nested-in-rewritten-loop", inner.refusal());
        assertEquals(LoopMatchRewriter.FLATTENED_INTO + outer.startLine(), inner.detail());
    }

    @Test
    void aSingleMatchIsNotAChain() {
        String text = """
                fn f(mut current_block: u64) -> u64 {
                    let mut n = 0;
                    'c: loop {
                        match current_block {
                            1 => { n += 1; current_block = 2; }
                            _ => break 'c,
                        }
                        n += 1;
                    }
                    n
                }
                """;
        FileRewrite plan = rewriter.plan("x.rs", text, findings("x.rs", text));
        assertFalse(plan.loops().isEmpty());
        assertFalse(plan.loops().get(0).normalisations().contains("flatten-chain"));
    }
}
