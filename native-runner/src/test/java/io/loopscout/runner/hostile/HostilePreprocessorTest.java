package io.loopscout.runner.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.c.PreprocessedCExtractor;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.build.SandboxedCPreprocessor;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precise C mode's {@code cc -E} on hostile files, in one run through the real sandbox (fixtures:
 * src/test/resources/hostile-preprocess, each file says what must happen): a host file read through
 * {@code #include} never reaches a finding or a message, a file beside the project is invisible, an endless
 * include and a macro bomb end in a clear per-file outcome within the limits, and the control file, extracted
 * before and after them, keeps its finding, mapped back to its own lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePreprocessorTest {

    /** Small limits so each hostile file ends in seconds: 10 s, 256 MiB, 1 MiB of output. */
    private static final Limits SMALL = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(10), 256L << 20, 32,
            64 << 10, 1L << 20);
    private static final String SECRET = "SECRET_BESIDE_THE_PROJECT_4711";

    @TempDir
    static Path scratch;
    final Map<String, FileExtraction> results = new LinkedHashMap<>();
    List<String> passwdLines;

    @BeforeAll
    void extractTheFiles() throws Exception {
        Sandbox sandbox = HostileHost.bwrapOrSkip();
        Path project = TestFixtures.copyResource("hostile-preprocess", scratch);
        Files.writeString(scratch.resolve("secret.h"), "int " + SECRET + " = 1;\n");
        passwdLines = Files.readAllLines(Path.of("/etc/passwd")).stream().filter(l -> l.length() > 8).toList();
        PreprocessedCExtractor extractor = new PreprocessedCExtractor(new SandboxedCPreprocessor(sandbox, "cc", SMALL),
                project, List.of(project.resolve("include")), List.of("STATE_END=2"), Duration.ofSeconds(30));
        for (String file : List.of("control.c", "passwd.c", "outside.c", "zero.c", "bomb.c", "control.c")) {
            String key = results.containsKey(file) ? "control-last" : file;
            results.put(key, extractor.extract(project.resolve(file), "p", "1", file));
        }
    }

    @Test
    void theControlFileKeepsItsFindingBeforeAndAfterTheHostileOnes() {
        for (String key : List.of("control.c", "control-last")) {
            FileExtraction r = results.get(key);
            assertEquals(FileOutcome.READ, r.outcome(), key + ": " + r.detail());
            assertEquals(1, r.findings().size(), key + ": " + r.findings());
            Finding f = r.findings().get(0);
            assertEquals(Pattern.C_SWITCH_STATE_LOOP, f.pattern());
            assertEquals("preprocessed", f.mode());
            assertEquals(8, f.startLine());
            assertEquals(13, f.endLine());
            assertEquals(3, f.states());
            assertEquals(2, f.constTransitions());
            assertEquals("control.c", f.file());
            assertTrue(f.snippet().startsWith("    for (;;) {"), f.snippet());
        }
    }

    @Test
    void noLineOfTheHostsPasswdReachesAFindingOrAMessage() {
        FileExtraction r = results.get("passwd.c");
        assertTrue(r.outcome().analysed(), r.outcome() + ": " + r.detail());
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals(10, r.findings().get(0).startLine(), "the state machine, on its own line");
        assertFalse(passwdLines.isEmpty());
        for (FileExtraction any : results.values()) {
            String everything = any.findings() + " " + any.detail();
            for (String line : passwdLines) {
                assertFalse(everything.contains(line), "leaked: " + line);
            }
        }
    }

    @Test
    void aFileBesideTheProjectIsInvisible() {
        FileExtraction r = results.get("outside.c");
        assertEquals(FileOutcome.PREPROCESSOR_FAILED, r.outcome());
        assertTrue(r.detail().startsWith("preprocessor failed: ") && r.detail().contains("secret.h"), r.detail());
        results.values().forEach(any -> assertFalse((any.findings() + any.detail()).contains(SECRET)));
    }

    @Test
    void anEndlessIncludeAndAMacroBombStopAtTheLimits() {
        for (String file : List.of("zero.c", "bomb.c")) {
            FileExtraction r = results.get(file);
            assertEquals(FileOutcome.PREPROCESSOR_FAILED, r.outcome(), file);
            assertTrue(r.detail().startsWith("preprocessor too-large: "), file + ": " + r.detail());
            assertTrue(r.findings().isEmpty());
        }
    }

    @Test
    void aFileOrIncludeDirectoryOutsideTheProjectIsRefusedBeforeAnythingRuns() throws Exception {
        Sandbox sandbox = HostileHost.bwrapOrSkip();
        Path project = scratch.resolve("hostile-preprocess");
        FileExtraction outsideInclude = new PreprocessedCExtractor(new SandboxedCPreprocessor(sandbox, "cc", SMALL),
                project, List.of(Path.of("/etc")), List.of(), Duration.ofSeconds(30))
                .extract(project.resolve("control.c"), "p", "1", "control.c");
        assertEquals(FileOutcome.PREPROCESSOR_FAILED, outsideInclude.outcome());
        assertTrue(outsideInclude.detail().startsWith("preprocessor refused: include directory outside"),
                outsideInclude.detail());
        Path link = Files.createSymbolicLink(project.resolve("link.c"), scratch.resolve("secret.h"));
        FileExtraction linked = new PreprocessedCExtractor(new SandboxedCPreprocessor(sandbox, "cc", SMALL),
                project, List.of(), List.of(), Duration.ofSeconds(30)).extract(link, "p", "1", "link.c");
        assertTrue(linked.outcome() == FileOutcome.PREPROCESSOR_FAILED
                && linked.detail().startsWith("preprocessor refused: "), linked.outcome() + " " + linked.detail());
    }
}
