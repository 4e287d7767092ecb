package io.loopscout.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses of design.md: 0 completed, 2 bad usage or invalid manifest. */
class MainTest {

    @TempDir
    Path tmp;

    @Test
    void invalidManifestExitsWithTwo() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "projects:\n  - id: X\n");
        assertEquals(2, Main.execute("validate", bad.toString()));
        assertEquals(2, Main.execute("run", "--manifest", bad.toString(), "--out", tmp.resolve("o").toString()));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, Main.execute("frobnicate"));
        assertEquals(2, Main.execute("run", "--measure", "guess"));
        assertEquals(2, Main.execute("scan", tmp.resolve("missing").toString()));
    }

    @Test
    void validManifestValidates() throws Exception {
        Path ok = tmp.resolve("ok.yaml");
        Files.writeString(ok, "projects:\n  - id: a\n    language: rust\n    source: { path: . }\n");
        assertEquals(0, Main.execute("validate", ok.toString()));
        assertEquals(2, Main.execute("run", "--manifest", ok.toString(), "--only", "nope"));
    }

    @Test
    void failExitTurnsARunWithFailuresIntoExitThree() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/src"));
        Files.writeString(src.resolve("lib.rs"), "pub fn f() {}\n");
        Path manifest = tmp.resolve("m.yaml");
        Files.writeString(manifest, "projects:\n"
                + "  - id: fine\n    language: rust\n    source: { path: " + tmp.resolve("src") + " }\n"
                + "  - id: gone\n    language: rust\n    source: { git: \"file://" + tmp.resolve("no-repo") + "\" }\n");
        Path out = tmp.resolve("out");
        assertEquals(3, Main.execute("run", "--manifest", manifest.toString(), "--out", out.toString(),
                "--cache", tmp.resolve("cache").toString(), "--fail-exit"));
        assertEquals("complete-with-failures", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("run.json").toFile()).get("status").asText());
    }

    @Test
    void shippedDefaultManifestIsValid() {
        Path shipped = Path.of("..", "corpus-manifest", "default.yaml");
        assertEquals(0, Main.execute("validate", shipped.toString()));
    }
}
