package io.loopscout.extract.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code cc -E} and checks that findings map back to the original lines. */
class PreprocessedCExtractorTest {

    private static final String SOURCE = String.join("\n",
            "#include <stddef.h>",
            "#include \"steps.h\"",
            "",
            "int run(int state, const char *p) {",
            "    for (;;) {",
            "        switch (state) {",
            "        STEP_CASES",
            "        case 2: return (int)(p != NULL);",
            "        }",
            "    }",
            "}",
            "");

    @Test
    void findsWhatOnlyThePreprocessorCanSeeAndMapsLinesBack(@TempDir Path dir) throws Exception {
        Path inc = Files.createDirectories(dir.resolve("include"));
        Files.writeString(inc.resolve("steps.h"), "/* header */\n#define GO(s) state = (s); break\n"
                + "#define STEP_CASES case 0: GO(1); case 1: GO(STATE_END);\n");
        Path src = Files.createDirectories(dir.resolve("src")).resolve("run.c");
        Files.writeString(src, SOURCE);

        // Syntactically, without the header, the cases are invisible.
        FileExtraction syntactic = new CExtractor().extract(new SourceFile("p", "1", "src/run.c", Language.C, SOURCE));
        assertTrue(syntactic.findings().isEmpty(), syntactic.findings().toString());

        FileExtraction pp = new PreprocessedCExtractor(List.of(inc), List.of("STATE_END=2"))
                .extract(src, "p", "1", "src/run.c");
        assertEquals(FileOutcome.READ, pp.outcome());
        assertEquals(1, pp.findings().size(), pp.findings().toString());
        Finding f = pp.findings().get(0);
        assertEquals(Pattern.C_SWITCH_STATE_LOOP, f.pattern());
        assertEquals("preprocessed", f.mode());
        assertEquals(5, f.startLine());
        assertEquals(10, f.endLine());
        assertEquals(3, f.states());
        assertEquals(2, f.constTransitions());
        assertEquals(0, f.fallthroughs());
        assertEquals("src/run.c", f.file());
        assertTrue(f.snippet().startsWith("    for (;;) {"), f.snippet());
    }

    @Test
    void aFailingPreprocessorIsAProblemNotAnException(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("bad.c");
        Files.writeString(src, "#include \"missing.h\"\nint x;\n");
        FileExtraction r = new PreprocessedCExtractor(List.of(), List.of()).extract(src, "p", "1", "bad.c");
        assertEquals(FileOutcome.PREPROCESSOR_FAILED, r.outcome(), r.detail());
        FileExtraction none = new PreprocessedCExtractor("/nonexistent/cc", List.of(), List.of(),
                java.time.Duration.ofSeconds(5)).extract(src, "p", "1", "bad.c");
        assertEquals(FileOutcome.PREPROCESSOR_FAILED, none.outcome(), none.detail());
    }
}
