package io.loopscout.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {

    private static Path resource(String name) throws Exception {
        return Path.of(ManifestLoaderTest.class.getResource("/manifests/" + name).toURI());
    }

    @Test
    void loadsAValidManifest() throws Exception {
        Path file = resource("ok.yaml");
        Manifest m = ManifestLoader.load(file);
        assertEquals(List.of("zlib-rs", "local", "pinned.git", "bzip2-c2rust"), m.projects().stream().map(ProjectSpec::id).toList());
        ProjectSpec zlib = m.projects().get(0);
        assertEquals(new SourceSpec.Crate("zlib-rs", "0.5.2"), zlib.source());
        assertEquals(new Popularity(12_345_678, 400, "2026-11-01"), zlib.popularity());
        assertEquals("zlib-rs", zlib.subdir());
        assertEquals("cargo run --release --example blogpost-uncompress", zlib.bench().command());
        assertEquals(2, zlib.line());
        ProjectSpec local = m.projects().get(1);
        assertEquals(Language.MIXED, local.language());
        SourceSpec.Path path = assertInstanceOf(SourceSpec.Path.class, local.source());
        assertEquals(file.getParent().resolve("../my-decoder").normalize().toString(), path.path());
        assertEquals(new SourceSpec.Git("file:///tmp/repo.git", "v1.0"), m.projects().get(2).source());
        TranslateSpec t = m.projects().get(3).translate();
        assertEquals(List.of("blocksort.c", "decompress.c"), t.sources());
        assertEquals(List.of("_FILE_OFFSET_BITS=64", "BZ_NO_STDIO"), t.defines());
        assertEquals("bzip2", t.harness());
        assertEquals(new TranslateSpec.RustPort("libbz2-rs-sys", "0.2.6", List.of("export-symbols")), t.rustPort());
        assertEquals(null, zlib.translate());
    }

    @Test
    void reportsEveryProblemWithItsLine() throws Exception {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(resource("broken.yaml")));
        List<String> got = e.problems().stream().map(p -> p.line() + " " + p.projectId() + " " + p.message()).toList();
        String all = String.join("\n", got);
        assertContains(all, "6 Bad_ID bad id 'Bad_ID'");
        assertContains(all, "9 no-language missing required key 'language'");
        assertContains(all, "10 no-language path source does not exist: ");
        assertContains(all, "14 unknown-key unknown key 'colour'");
        assertContains(all, "17 two-sources source needs exactly one of crate, git, path");
        assertContains(all, "18 good-one duplicate id (first defined at line 3)");
        assertContains(all, "23 crate-without-version crate source needs an exact 'version'");
        assertContains(all, "25 bad-language bad language 'cobol'");
        assertContains(all, "30 bad-popularity downloads must be a whole number");
        assertContains(all, "30 bad-popularity as_of must be a date");
        assertContains(all, "31 null missing required key 'id'");
        assertContains(all, "36 escaping-subdir subdir must be a relative path");
        assertContains(all, "41 bad-translate translate needs a non-empty list of C 'sources'");
        assertContains(all, "42 bad-translate unknown harness 'gzip'");
        assertContains(all, "43 bad-translate unknown key 'flags'");
        assertContains(all, "41 bad-translate translate needs language: c");
        assertEquals(16, got.size(), all);
        assertTrue(e.getMessage().contains("broken.yaml:6: [Bad_ID] bad id"), e.getMessage());
    }

    @Test
    void rejectsNonYamlAndWrongShapes() {
        ManifestException bad = assertThrows(ManifestException.class,
                () -> ManifestLoader.parse("m.yaml", "projects: [\n  { id: a", null));
        assertTrue(bad.problems().get(0).message().startsWith("not valid YAML"), bad.getMessage());
        ManifestException notList = assertThrows(ManifestException.class,
                () -> ManifestLoader.parse("m.yaml", "projects: 3\n", null));
        assertEquals("'projects' must be a list", notList.problems().get(0).message());
        ManifestException dupKey = assertThrows(ManifestException.class,
                () -> ManifestLoader.parse("m.yaml", "projects: []\nprojects: []\n", null));
        assertEquals(2, dupKey.problems().get(0).line());
    }

    @Test
    void readsBenchmarkDriversAndReportsBadOnesWithTheirLine() throws Exception {
        Path file = resource("drivers.yaml");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(file));
        String all = String.join("\n", e.problems().stream().map(p -> p.line() + " " + p.projectId() + " "
                + p.message()).toList());
        assertContains(all, "9 missing-driver driver benches/absent needs Cargo.toml and src/main.rs");
        assertContains(all, "13 no-placeholder driver benches/no-placeholder: Cargo.toml must depend on the project "
                + "with path = \"@CRATE@\"");
        assertContains(all, "18 both bench has either a 'command' or a 'driver', not both");
        assertContains(all, "25 args-without-driver 'args' goes with a 'driver', not a 'command'");
        assertContains(all, "29 absolute driver must be a folder relative to the manifest");
        assertEquals(5, e.problems().size(), all);
        String valid = String.join("\n", java.nio.file.Files.readAllLines(file).subList(0, 5));
        BenchSpec b = ManifestLoader.parse("m.yaml", valid, file.getParent()).projects().get(0).bench();
        assertTrue(b.isDriver());
        assertEquals(file.getParent().resolve("benches/good").toString(), b.driver());
        assertEquals(List.of("16", "2"), b.args());
        assertEquals("-Ctarget-cpu=native", b.rustflags());
        assertEquals(null, b.command());
        assertEquals("driver good 16 2", b.display());
    }

    @Test
    void theShippedManifestIsValidAndItsDriversExist() throws Exception {
        Manifest m = ManifestLoader.load(Path.of("default.yaml"));
        List<ProjectSpec> driven = m.projects().stream().filter(p -> p.bench() != null && p.bench().isDriver())
                .toList();
        assertTrue(driven.size() >= 4, "drivers: " + driven);
        for (ProjectSpec p : driven) {
            assertTrue(java.nio.file.Files.isRegularFile(Path.of(p.bench().driver(), "src/main.rs")), p.id());
        }
    }

    @Test
    void theShippedC2rustManifestsAreValid() throws Exception {
        for (String harness : TranslateSpec.HARNESSES) {
            Manifest m = ManifestLoader.load(Path.of("c2rust-" + harness + ".yaml"));
            TranslateSpec t = m.projects().get(0).translate();
            assertEquals(harness, t.harness(), harness);
            assertTrue(!t.sources().isEmpty(), harness);
        }
    }

    @Test
    void refusesSystemDirectoriesAndMissingPathsWithTheirLine(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        java.nio.file.Files.createSymbolicLink(tmp.resolve("to-root"), Path.of("/"));
        java.nio.file.Files.createDirectories(tmp.resolve("project"));
        String text = """
                projects:
                  - { id: root, language: rust, source: { path: / } }
                  - { id: etc, language: c, source: { path: /etc } }
                  - { id: usr, language: c, source: { path: "/usr/" } }
                  - { id: proc, language: c, source: { path: /proc/self/root } }
                  - { id: link, language: c, source: { path: to-root } }
                  - { id: home, language: c, source: { path: "%s" } }
                  - { id: missing, language: c, source: { path: nowhere } }
                  - { id: fine, language: c, source: { path: project } }
                """.formatted(System.getProperty("user.home"));
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.parse("m.yaml", text, tmp));
        List<String> got = e.problems().stream().map(p -> p.line() + " " + p.projectId() + " " + p.message()).toList();
        String all = String.join("\n", got);
        assertContains(all, "2 root path source / is a system directory");
        assertContains(all, "3 etc path source /etc is a system directory");
        assertContains(all, "4 usr path source /usr is a system directory");
        assertContains(all, "5 proc path source /proc/self/root");
        assertContains(all, "6 link path source " + tmp.resolve("to-root") + " (really /) is a system directory");
        assertContains(all, "7 home path source");
        assertContains(all, "8 missing path source does not exist: " + tmp.resolve("nowhere"));
        assertEquals(7, got.size(), all);
        assertTrue(e.getMessage().contains("m.yaml:2: [root]"), e.getMessage());
    }

    @Test
    void anAliasBombIsReportedAtItsLine() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
            }
            yaml.append("]\n");
        }
        yaml.append("projects: []\n");
        ManifestException e = assertThrows(ManifestException.class,
                () -> ManifestLoader.parse("bomb.yaml", yaml.toString(), null));
        ManifestProblem p = e.problems().get(0);
        assertTrue(p.message().contains("aliases"), p.message());
        assertEquals(7, p.line(), "the 51st alias to a collection is on line 7 (10 a line from line 2)");
    }

    @Test
    void aByteThatIsNotUtf8IsReportedAtItsLine(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path m = tmp.resolve("latin1.yaml");
        Files.write(m, "projects:\n  - id: cafe\n    language: rust\n    notes: caf\u00e9\n    source: { path: . }\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(m));
        ManifestProblem p = e.problems().get(0);
        assertEquals(4, p.line(), p.toString());
        assertTrue(p.message().contains("not UTF-8") && p.message().contains("0xE9"), p.toString());
    }

    @Test
    void anEndlessDeviceIsRefusedAfterItsCapNotReadUntilMemoryRunsOut() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.load(Path.of("/dev/zero")));
        assertTrue(e.getMessage().contains("larger than 64 MiB"), e.getMessage());
    }

    private static void assertContains(String all, String expected) {
        assertTrue(all.lines().anyMatch(l -> l.startsWith(expected)), "missing: " + expected + "\nin:\n" + all);
    }
}
