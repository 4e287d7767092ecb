package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fixture compiles for real: the before files on stable, the after files on stable (attributes off) and
 * with {@code RUSTC_BOOTSTRAP=1 --cfg loop_match} (attributes on). One rustc run per batch keeps it fast;
 * warnings are errors, so a rewrite that leaves an unused label or unreachable code fails too.
 */
class FixturesCompileTest {

    @TempDir
    Path tmp;

    @Test
    void beforesBuildOnStable() throws Exception {
        assertBuilds("before", false);
    }

    @Test
    void aftersBuildOnStable() throws Exception {
        assertBuilds("after", false);
    }

    @Test
    void aftersBuildWithLoopMatch() throws Exception {
        assertBuilds("after", true);
    }

    private void assertBuilds(String side, boolean loopMatch) throws Exception {
        StringBuilder lib = new StringBuilder()
                .append("#![cfg_attr(loop_match, feature(loop_match))]\n")
                .append("#![cfg_attr(loop_match, allow(incomplete_features))]\n")
                .append("#![allow(dead_code)]\n");
        for (RewriteFixtures.Pair p : RewriteFixtures.pairs()) {
            Path file = side.equals("before") ? p.before() : p.after();
            lib.append("#[path = \"").append(file.toAbsolutePath()).append("\"] mod f_")
                    .append(p.name().replaceAll("[^A-Za-z0-9]", "_")).append(";\n");
        }
        Path root = tmp.resolve("lib.rs");
        Files.writeString(root, lib.toString());
        List<String> cmd = new ArrayList<>(List.of("rustc", "--edition", "2021", "--crate-type", "lib",
                "--crate-name", "fixtures", "--emit=metadata", "-D", "warnings", "--check-cfg", "cfg(loop_match)",
                "--out-dir", tmp.toString(), root.toString()));
        if (loopMatch) {
            cmd.addAll(List.of("--cfg", "loop_match"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("RUSTC_BOOTSTRAP");
        if (loopMatch) {
            env.put("RUSTC_BOOTSTRAP", "1");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, p.exitValue(), side + " files (loop_match=" + loopMatch + ") do not build:\n" + out);
    }
}
