package io.loopscout.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A manifest is untrusted text: names, versions, translate sources and defines that could become a command-line
 * flag, a path out of the project or TOML are refused at load, each with its line; YAML tags, deep nesting and
 * huge numbers are clear problems with a line, never a stack trace or a hang.
 */
class HostileManifestTest {

    private static List<String> problems(ManifestException e) {
        return e.problems().stream().map(p -> p.line() + " " + p.projectId() + " " + p.message()).toList();
    }

    @Test
    void namesVersionsSourcesAndDefinesThatCouldBecomeFlagsOrPathsAreRefusedWithTheirLine() throws Exception {
        Path file = Path.of(HostileManifestTest.class.getResource("/manifests/hostile.yaml").toURI());
        String all = String.join("\n", problems(assertThrows(ManifestException.class,
                () -> ManifestLoader.load(file))));
        for (String expected : List.of(
                "5 flag-name bad crate name",
                "8 path-name bad crate name",
                "11 not-semver crate version must be an exact semver version",
                "14 toml-version crate version must be an exact semver version",
                "17 leading-zero crate version must be an exact semver version",
                "23 evil-translate bad C source '/etc/passwd'",
                "24 evil-translate bad C source '../../../root/.ssh/id_rsa.c'",
                "25 evil-translate bad C source '-fplugin=/tmp/evil.so'",
                "26 evil-translate bad C source 'ok/dir/../../escape.c'",
                "29 evil-translate bad define 'X -fplugin=/tmp/evil.so'",
                "30 evil-translate bad define '-fplugin=/tmp/evil.so'",
                "31 evil-translate bad define 'Y=1\\n-o/tmp/owned'",
                "32 evil-translate bad define 'Z=$(touch /tmp/owned)'",
                "35 evil-translate bad crate name",
                "35 evil-translate rust_port version must be an exact semver version",
                "35 evil-translate bad cargo feature",
                "38 ssh-option git source must be a URL",
                "41 scp-option git source must be a URL",
                "44 ext-transport git source must be a URL")) {
            assertTrue(all.lines().anyMatch(l -> l.startsWith(expected)), "missing: " + expected + "\nin:\n" + all);
        }
        assertEquals(19, all.lines().count(), all);
    }

    @Test
    void javaTagsAreRefusedNotConstructed() {
        String yaml = "projects:\n  - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n";
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestLoader.parse("t.yaml", yaml, null));
        assertEquals(2, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("tag"), e.getMessage());
    }

    @Test
    void deepNestingIsAProblemAtItsLineNotAStackOverflow() {
        StringBuilder yaml = new StringBuilder("projects:\n  - id: deep\n    notes:\n");
        yaml.append("      ").append("[".repeat(100_000)).append("]".repeat(100_000)).append('\n');
        ManifestException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ManifestException.class, () -> ManifestLoader.parse("deep.yaml", yaml.toString(),
                        null)));
        assertTrue(e.problems().get(0).message().contains("Nesting Depth exceeded"), e.getMessage());
        assertEquals(4, e.problems().get(0).line(), e.getMessage());
    }

    @Test
    void hugeNumbersAreProblemsWithTheirLine() {
        String yaml = """
                projects:
                  - id: big
                    language: rust
                    source: { crate: serde, version: "1.0.0" }
                    popularity: { downloads: 99999999999999999999999999999999999999, stars: 1e400, as_of: 2026-11-01 }
                """;
        String all = String.join("\n", problems(assertThrows(ManifestException.class,
                () -> ManifestLoader.parse("big.yaml", yaml, null))));
        assertTrue(all.contains("5 big downloads must be a whole number"), all);
        assertTrue(all.contains("5 big stars must be a whole number"), all);
    }
}
