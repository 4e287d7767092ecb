package io.loopscout.pipeline.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.pipeline.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches one small real crate from crates.io with cargo, through the whole pipeline. */
class CrateSourceTest {

    @TempDir
    Path tmp;

    @Test
    void fetchesAPublishedCrateAtAnExactVersion() throws Exception {
        Path manifest = tmp.resolve("m.yaml");
        Files.writeString(manifest, """
                projects:
                  - id: httparse
                    language: rust
                    source: { crate: httparse, version: "1.10.1" }
                  - id: no-such-crate
                    language: rust
                    source: { crate: loopscout-no-such-crate-zz, version: "9.9.9" }
                """);
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("run", "--manifest", manifest.toString(), "--out", out.toString(),
                "--cache", tmp.resolve("cache").toString()));
        List<String> projects = Files.readAllLines(out.resolve("projects.csv"));
        assertEquals(3, projects.size(), String.join("\n", projects));
        assertTrue(projects.get(1).contains(",httparse,1.10.1,rust,crate:httparse@1.10.1,"), projects.get(1));
        assertTrue(Files.isRegularFile(tmp.resolve("cache/crates/httparse-1.10.1/Cargo.toml")),
                "the published tarball is unpacked into the cache");
        assertTrue(projects.get(2).endsWith(",failed,,,,,acquire,"), projects.get(2));
        List<String> failures = Files.readAllLines(out.resolve("failures.csv"));
        assertEquals(2, failures.size(), String.join("\n", failures));
        assertTrue(failures.get(1).startsWith("no-such-crate,acquire,fetch-fail,"), failures.get(1));
        String run = Files.readString(out.resolve("run.json"));
        assertTrue(run.matches("(?s).*\"files_scanned\" : [1-9][0-9]*,.*"), run);
    }
}
