package io.loopscout.runner.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.Extractors;
import io.loopscout.extract.rewrite.CrateBuilder;
import io.loopscout.extract.rewrite.CrateRewriter;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.extract.rewrite.RewriteResult;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rewriter's verification builds through the sandbox (real extractor, real rewriter, real cargo). */
class SandboxedCrateBuilderTest {
    @TempDir
    Path scratch;

    @Test
    void rewriterVerifiesInTheSandboxAndTheRewrittenCrateIsVariantB() throws IOException {
        CargoBuild cargo = new CargoBuild(Sandbox.detect(), RustToolchain.detect());
        Path crate = TestFixtures.copyResource("rewrite/scanner", scratch);
        String before = Files.readString(crate.resolve("src/lib.rs"));
        CrateRewriter rewriter = new CrateRewriter(() -> Extractors.forLanguage(Language.RUST),
                target -> new SandboxedCrateBuilder(cargo, target, "fixture"));
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.IN_PLACE);
        assertEquals(1, r.count(LoopOutcome.Status.REWRITTEN), r.loops().toString());
        String after = Files.readString(crate.resolve("src/lib.rs"));
        assertFalse(before.contains("cfg_attr(loop_match"));
        assertTrue(after.contains("#[cfg_attr(loop_match, loop_match)]"), after);
        assertTrue(after.contains("const_continue"), after);
    }

    @Test
    void stableBuildRejectsUngatedFeatureAndNamesTheError() throws IOException {
        CargoBuild cargo = new CargoBuild(Sandbox.detect(), RustToolchain.detect());
        Path lexer = TestFixtures.copyResource("bench/lexer", scratch);
        Path main = lexer.resolve("src/main.rs");
        Files.writeString(main, "#![feature(loop_match)]\n" + Files.readString(main));
        SandboxedCrateBuilder b = new SandboxedCrateBuilder(cargo, scratch.resolve("t"), "fixture");
        assertTrue(b.prepare(lexer).ok());
        CrateBuilder.Outcome stable = b.build(lexer, CrateBuilder.Variant.STABLE);
        assertFalse(stable.ok());
        assertTrue(stable.firstError().contains("error[E0554]"), stable.firstError());
        assertTrue(b.build(lexer, CrateBuilder.Variant.LOOP_MATCH).ok());
        // the baseline of a crate that declares features itself (c2rust's): bootstrapped, without the cfg
        CrateBuilder.Outcome bootstrapped = b.build(lexer, CrateBuilder.Variant.BOOTSTRAPPED);
        assertTrue(bootstrapped.ok(), bootstrapped.firstError());
    }
}
