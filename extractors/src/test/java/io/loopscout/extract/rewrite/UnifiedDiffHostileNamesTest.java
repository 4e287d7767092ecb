package io.loopscout.extract.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A corpus file's name reaches the patch header of {@code rewrite --patch}: names with a newline, a tab, a space,
 * quotes or a backslash must give a patch that {@code git apply} and GNU {@code patch -p1} apply to that very
 * file, and a name that spells a second header ({@code x.rs\n+++ b/evil.rs}) must not write any other file.
 */
class UnifiedDiffHostileNamesTest {

    private static final String BEFORE = "fn a() {}\nfn b() {}\n";
    private static final String AFTER = "fn a() {}\n#[inline]\nfn b() {}\n";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"plain.rs", "a\nb.rs", "tab\there.rs", "with space.rs", "q\"uote's.rs",
            "back\\slash.rs", "x.rs\n+++ b/evil.rs", "caf\u00e9.rs", "\u202eevil.rs"})
    void gitApplyAndPatchWriteExactlyTheNamedFile(String name) throws Exception {
        String diff = UnifiedDiff.diff("a/src/" + name, "b/src/" + name, BEFORE, AFTER);
        assertEquals(2, diff.lines().filter(l -> l.startsWith("--- ") || l.startsWith("+++ ")).count(),
                "one header pair, whatever the name:\n" + diff);

        for (List<String> tool : List.of(List.of("git", "apply", "-p1", "-"), List.of("patch", "-p1", "-s"))) {
            Path dir = Files.createDirectories(tmp.resolve(tool.get(0)).resolve(String.valueOf(name.hashCode())));
            Files.createDirectories(dir.resolve("src").resolve(name).getParent());
            Files.writeString(dir.resolve("src").resolve(name), BEFORE);
            Process p = new ProcessBuilder(tool).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().write(diff.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), tool + " on\n" + diff + "\n" + out);
            assertEquals(AFTER, Files.readString(dir.resolve("src").resolve(name)), tool.toString());
            assertEquals(List.of(dir.resolve("src").resolve(name)), files(dir), tool + " wrote another file");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/lib.rs", "src/caf\u00e9.rs"})
    void ordinaryNamesStayUnquoted(String name) {
        String diff = UnifiedDiff.diff("a/" + name, "b/" + name, BEFORE, AFTER);
        assertTrue(diff.startsWith("--- a/" + name + "\n+++ b/" + name + "\n"), diff);
        assertFalse(diff.contains("\""), diff);
    }

    private static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".orig"))
                    .forEach(out::add);
        }
        return out;
    }
}
