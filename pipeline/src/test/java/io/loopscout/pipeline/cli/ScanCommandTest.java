package io.loopscout.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan}: project ids keep the folder's letters; formula characters are left to the CSV guard. */
class ScanCommandTest {

    @TempDir
    Path tmp;

    @Test
    void idsKeepUnicodeLettersAndReplaceOnlyUnsafeCharacters() {
        assertEquals("dëcoder-ü", ScanCommand.idOf(Path.of("/x/Dëcoder-Ü")));
        assertEquals("=cmd", ScanCommand.idOf(Path.of("/x/=cmd")));
        assertEquals("a-b-c", ScanCommand.idOf(Path.of("/x/a b\tc")));
        assertEquals("q-x-", ScanCommand.idOf(Path.of("/x/q:x\"")));
        assertEquals("project", ScanCommand.idOf(Path.of("/x/..")));
    }

    @Test
    void scanWritesTheIdsIntoProjectsCsvAndRepositoryRelativeSarifPaths() throws Exception {
        Path mono = tmp.resolve("mono");
        org.eclipse.jgit.api.Git.init().setDirectory(mono.toFile()).call().close();
        Path unicode = mono.resolve("crates/dëcoder-ü");
        Path formula = tmp.resolve("=cmd");
        for (Path p : List.of(unicode, formula)) {
            Files.createDirectories(p.resolve("src"));
            try (InputStream in = getClass().getResourceAsStream("/e2e/rust-tokenizer/src/lib.rs")) {
                Files.write(p.resolve("src/lib.rs"), in.readAllBytes());
            }
        }
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("scan", unicode.toString(), formula.toString(), "--out", out.toString()));
        String projects = Files.readString(out.resolve("projects.csv"), StandardCharsets.UTF_8);
        assertTrue(projects.contains(",dëcoder-ü,"), projects);
        assertTrue(projects.contains(",'=cmd,"), "the formula guard, not a renaming: " + projects);
        com.fasterxml.jackson.databind.JsonNode run = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("findings.sarif").toFile()).at("/runs/0");
        List<String> uris = new java.util.ArrayList<>();
        run.get("results").forEach(r -> uris.add(r.at("/locations/0/physicalLocation/artifactLocation/uriBaseId")
                .asText() + " " + r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertTrue(uris.contains("dëcoder-ü crates/d%C3%ABcoder-%C3%BC/src/lib.rs"), "relative to the checkout: " + uris);
        assertTrue(uris.contains("=cmd src/lib.rs"), "outside a checkout, relative to the folder: " + uris);
        assertEquals(mono.toUri().toString(), run.at("/originalUriBaseIds/dëcoder-ü/uri").asText());
    }
}
