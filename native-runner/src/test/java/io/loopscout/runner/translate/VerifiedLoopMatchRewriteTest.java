package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.FileTrees;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedLoopMatchRewriteTest {

    @TempDir
    Path tmp;

    @Test
    void rewritesBothLoopsAndProvesEachByBuilding() throws Exception {
        Path crate = tmp.resolve("crate");
        FileTrees.copy(Path.of(getClass().getResource("/translate/c2rust-shaped").toURI()), crate);
        CargoBuild cargo = new CargoBuild(Sandbox.detect(), RustToolchain.detect());

        List<CComparison.LoopRewrite> loops = new VerifiedLoopMatchRewrite(cargo, "shaped").apply(crate);

        Map<String, CComparison.LoopRewrite> byFunction = loops.stream()
                .collect(Collectors.toMap(CComparison.LoopRewrite::function, l -> l));
        assertEquals(2, loops.size(), loops.toString());
        assertTrue(byFunction.get("count_runs").rewritten(), byFunction.toString());
        // the statements around its match (a bounds check before, an increment after) move into the arms
        assertTrue(byFunction.get("sum_with_tail").rewritten(), byFunction.toString());
        assertEquals("src/machine.rs", byFunction.get("count_runs").file());
        String machine = Files.readString(crate.resolve("src/machine.rs"));
        assertTrue(machine.contains("loop_match"), machine);
        assertTrue(machine.contains("const_continue"), machine);
        assertTrue(Files.readString(crate.resolve("lib.rs")).contains("feature(loop_match)"),
                "the crate root is gated");
    }

    @Test
    void findsTheEnclosingFunctionOfALine() {
        List<String> lines = List.of("pub unsafe extern \"C\" fn BZ2_decompress(s: *mut DState) -> i32 {",
                "    let mut x = 1;", "}", "unsafe fn helper() {", "    loop {}", "}");
        assertEquals("BZ2_decompress", VerifiedLoopMatchRewrite.enclosingFunction(lines, 2));
        assertEquals("helper", VerifiedLoopMatchRewrite.enclosingFunction(lines, 5));
        assertEquals("", VerifiedLoopMatchRewrite.enclosingFunction(List.of("let x = 1;"), 1));
    }
}
