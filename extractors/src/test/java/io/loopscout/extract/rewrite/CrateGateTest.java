package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrateGateTest {

    private static final String ATTRS = "#![cfg_attr(loop_match, feature(loop_match))]\n"
            + "#![cfg_attr(loop_match, allow(incomplete_features, unstable_features))]\n";

    @Test
    void rootAttributesGoAfterInnerDocsAndAttributes() {
        assertEquals("//! Docs.\n#![no_std]\n" + ATTRS + "\nmod a;\n",
                CrateGate.gateRoot("//! Docs.\n#![no_std]\n\nmod a;\n"));
    }

    @Test
    void rootAttributesGoFirstWithoutInnerAttributes() {
        assertEquals(ATTRS + "// plain comment\nmod a;\n", CrateGate.gateRoot("// plain comment\nmod a;\n"));
    }

    /** comrak denies unstable_features: its gated root must still compile with the feature on (real rustc). */
    @Test
    void aRootThatDeniesUnstableFeaturesStillBuildsWithLoopMatch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path lib = tmp.resolve("lib.rs");
        java.nio.file.Files.writeString(lib, CrateGate.gateRoot("#![deny(unstable_features)]\npub fn f() {}\n"));
        ProcessBuilder pb = new ProcessBuilder("rustc", "--crate-type", "lib", "--cfg", "loop_match", "--out-dir",
                tmp.toString(), lib.toString()).redirectErrorStream(true);
        pb.environment().put("RUSTC_BOOTSTRAP", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void rootAlreadyGatedIsLeftAsIs() {
        String text = ATTRS + "mod a;\n";
        assertEquals(text, CrateGate.gateRoot(text));
    }

    @Test
    void lintsTableIsAddedWhenMissing() {
        assertEquals("[package]\nname = \"x\"\n\n[lints.rust]\n" + CrateGate.LINT_LINE + "\n",
                CrateGate.declareCfg("[package]\nname = \"x\"\n"));
    }

    @Test
    void existingLintsRustTableGetsTheEntry() {
        assertEquals("[lints.rust]\n" + CrateGate.LINT_LINE + "\nunsafe_code = \"deny\"\n\n[features]\n",
                CrateGate.declareCfg("[lints.rust]\nunsafe_code = \"deny\"\n\n[features]\n"));
    }

    @Test
    void existingCheckCfgListIsExtended() {
        assertEquals("[lints.rust]\nunexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(loop_match)', "
                        + "'cfg(fuzzing)'] }\n",
                CrateGate.declareCfg("[lints.rust]\nunexpected_cfgs = { level = \"warn\", check-cfg = "
                        + "['cfg(fuzzing)'] }\n"));
    }

    @Test
    void anUnexpectedCfgsTableGetsTheCfg() {
        // miniz_oxide 0.9.1: appending a second unexpected_cfgs under a new [lints.rust] is a duplicate key
        assertEquals("[lints.rust.unexpected_cfgs]\nlevel = \"warn\"\npriority = 0\ncheck-cfg = ['cfg(loop_match)', "
                        + "\"cfg(fuzzing)\"]\n",
                CrateGate.declareCfg("[lints.rust.unexpected_cfgs]\nlevel = \"warn\"\npriority = 0\n"
                        + "check-cfg = [\"cfg(fuzzing)\"]\n"));
        assertEquals("[lints.rust.unexpected_cfgs]\ncheck-cfg = ['cfg(loop_match)']\nlevel = \"warn\"\n\n[features]\n",
                CrateGate.declareCfg("[lints.rust.unexpected_cfgs]\nlevel = \"warn\"\n\n[features]\n"));
    }

    @Test
    void plainLevelBecomesATable() {
        assertEquals("[lints.rust]\nunexpected_cfgs = { level = \"deny\", check-cfg = ['cfg(loop_match)'] }\n",
                CrateGate.declareCfg("[lints.rust]\nunexpected_cfgs = \"deny\"\n"));
    }

    @Test
    void workspaceLintsAreRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrateGate.declareCfg("[package]\nname = \"x\"\n\n[lints]\nworkspace = true\n"));
        assertTrue(e.getMessage().contains("workspace"));
    }

    @Test
    void diffOfEqualTextsIsEmptyAndHunksCountLines() {
        assertEquals("", UnifiedDiff.diff("a/x", "b/x", "same\n", "same\n"));
        String d = UnifiedDiff.diff("a/x", "b/x", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n");
        assertEquals("--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", d);
    }
}
