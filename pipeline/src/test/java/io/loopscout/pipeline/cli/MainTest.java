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
    void shippedDefaultManifestIsValid() {
        Path shipped = Path.of("..", "corpus-manifest", "default.yaml");
        assertEquals(0, Main.execute("validate", shipped.toString()));
    }
}
