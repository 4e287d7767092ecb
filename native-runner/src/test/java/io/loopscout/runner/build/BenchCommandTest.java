package io.loopscout.runner.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void cargoRunIsBuiltOnceAndRunDirectly() {
        BenchCommand c = BenchCommand.parse(
                "cargo run --release --example blogpost-uncompress -- --chunk 16 'data/a file.gz'");
        assertTrue(c.cargoRun());
        assertEquals(List.of("build", "--release", "--example", "blogpost-uncompress"), c.buildArgs());
        assertEquals(List.of("--chunk", "16", "data/a file.gz"), c.programArgs());
        assertEquals("blogpost-uncompress", c.target());
    }

    @Test
    void cargoRunWithoutProgramArguments() {
        BenchCommand c = BenchCommand.parse("cargo run --release -p bench --bin inflate");
        assertEquals(List.of("build", "--release", "-p", "bench", "--bin", "inflate"), c.buildArgs());
        assertEquals(List.of(), c.programArgs());
        assertEquals("inflate", c.target());
    }

    @Test
    void otherCommandsRunThroughTheShell() {
        BenchCommand c = BenchCommand.parse("cargo bench --bench decode -- --quick");
        assertFalse(c.cargoRun());
        assertEquals(List.of("build", "--release"), c.buildArgs());
    }

    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("a", "b c", "d\"e", "f g"), BenchCommand.split("a 'b c' \"d\\\"e\" f\\ g"));
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.parse("cargo run -- 'open"));
        assertThrows(IllegalArgumentException.class, () -> BenchCommand.parse("  "));
    }
}
