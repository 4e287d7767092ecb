package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannedLoopMatchRewriteTest {

    @TempDir
    Path tmp;

    @Test
    void rewritesTheSingleMatchLoopAndSaysWhyTheOtherStays() throws Exception {
        Path crate = tmp.resolve("crate");
        BzBenchBuilds.copyTree(Path.of(getClass().getResource("/translate/c2rust-shaped").toURI()), crate);

        List<CComparison.LoopRewrite> loops = new PlannedLoopMatchRewrite("shaped").apply(crate);

        Map<String, CComparison.LoopRewrite> byFunction = loops.stream()
                .collect(Collectors.toMap(CComparison.LoopRewrite::function, l -> l));
        assertEquals(2, loops.size(), loops.toString());
        assertTrue(byFunction.get("count_runs").rewritten(), byFunction.toString());
        assertFalse(byFunction.get("sum_with_tail").rewritten(), byFunction.toString());
        assertTrue(byFunction.get("sum_with_tail").reason().startsWith("statements-around-match"),
                byFunction.get("sum_with_tail").reason());
        assertEquals("src/machine.rs", byFunction.get("count_runs").file());

        String machine = Files.readString(crate.resolve("src/machine.rs"));
        assertTrue(machine.contains("#[cfg_attr(loop_match, loop_match)]"), machine);
        assertTrue(machine.contains("const_continue"), machine);
        assertTrue(Files.readString(crate.resolve("lib.rs")).startsWith(PlannedLoopMatchRewrite.FEATURE_GATE));

        // The rewritten crate must build both ways: on stable, and with the feature switched on.
        CommandRunner runner = new LocalCommandRunner();
        for (String flags : List.of("", "--cfg loop_match")) {
            CommandResult built = runner.run(new Command(List.of("cargo", "build", "--offline", "--quiet"), crate,
                    Map.of("RUSTC_BOOTSTRAP", "1", "RUSTFLAGS", flags,
                            "CARGO_TARGET_DIR", tmp.resolve("target" + flags.length()).toString()),
                    Duration.ofMinutes(3)));
            assertTrue(built.ok(), "RUSTFLAGS=" + flags + ": " + built.stderr());
        }
    }

    @Test
    void aCrateWithoutCandidateLoopsIsLeftUntouched() throws Exception {
        Path crate = tmp.resolve("plain");
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("lib.rs"), "pub fn id(x: u8) -> u8 { x }\n");
        List<CComparison.LoopRewrite> loops = new PlannedLoopMatchRewrite("plain").apply(crate);
        assertTrue(loops.isEmpty(), loops.toString());
        assertEquals("pub fn id(x: u8) -> u8 { x }\n", Files.readString(crate.resolve("lib.rs")));
    }
}
