package io.loopscout.extract.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input never throws and never hangs: it comes back as a {@link FileExtraction#outcome()}. */
class CExtractorBadInputTest {

    private static final String STATE_LOOP = "int f(int s) {\n    for (;;) {\n        switch (s) {\n"
            + "        case 0: s = 1; break;\n        case 1: return 0;\n        }\n    }\n}\n";

    private static SourceFile file(String path, String text) {
        return new SourceFile("p", "1", path, Language.C, text);
    }

    @Test
    void nonUtf8BytesAreReportedAndTheRestIsStillRead() throws Exception {
        byte[] latin1 = ("/* caf\u00e9 */\n" + STATE_LOOP).getBytes(StandardCharsets.ISO_8859_1);
        String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(latin1)).toString();
        FileExtraction r = new CExtractor().extract(file("latin1.c", decoded));
        assertEquals(FileOutcome.NOT_UTF8, r.outcome(), r.detail());
        assertEquals(1, r.findings().size());
        assertEquals(3, r.findings().get(0).startLine());
    }

    @Test
    void hugeFilesAreRefusedWithoutParsing() {
        String huge = "int x;\n".repeat(CExtractor.MAX_BYTES / 7 + 2);
        FileExtraction r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new CExtractor().extract(file("huge.c", huge)));
        assertEquals(FileOutcome.TOO_LARGE, r.outcome());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void binaryFilesAreRefused() {
        FileExtraction r = new CExtractor().extract(file("blob.c", "int\u0000x;"));
        assertEquals(FileOutcome.BINARY, r.outcome());
    }

    @Test
    void deeplyNestedInputTimesOutOrFinishesButNeverCrashes() {
        String deep = "int f(int s) { for (;;) { switch (s) { case 0: " + "{".repeat(100_000) + "s = 1;"
                + "}".repeat(100_000) + " } } }\n";
        FileExtraction r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new CExtractor(MacroTable.empty(), Duration.ofMillis(300)).extract(file("deep.c", deep)));
        // Either the parse gave up (timeout) or the analysis finished; both are fine, an exception is not.
        assertTrue(r.outcome().analysed() || r.outcome() == FileOutcome.PARSE_TIMEOUT
                || r.outcome() == FileOutcome.TOO_DEEP, r.outcome() + " " + r.detail());
    }

    @Test
    void deeplyNestedParenthesesDoNotOverflowTheStack() {
        String deep = "int f(int s) { while (1) { switch (s) { case 0: s = " + "(".repeat(20_000) + "1"
                + ")".repeat(20_000) + "; break; case 1: return 0; } } }\n";
        FileExtraction r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new CExtractor().extract(file("parens.c", deep)));
        assertTrue(r.outcome() != FileOutcome.EXTRACTOR_ERROR, r.outcome() + " " + r.detail());
    }

    @Test
    void brokenFilesCountErrorsAndKeepWhatCanBeFound() {
        String broken = STATE_LOOP + "int g( { switch (x) { case 1: \n/* unterminated comment\n";
        FileExtraction r = new CExtractor().extract(file("broken.c", broken));
        assertEquals(FileOutcome.READ, r.outcome());
        assertTrue(r.parseErrors() > 0);
        assertEquals(Pattern.C_SWITCH_STATE_LOOP, r.findings().get(0).pattern());
    }

    @Test
    void macroBombsAreLeftUnexpanded() {
        StringBuilder src = new StringBuilder("#define X0 case 1: ;\n");
        for (int i = 1; i <= 40; i++) {
            src.append("#define X").append(i).append(" X").append(i - 1).append(" X").append(i - 1).append('\n');
        }
        src.append("#define SELF(x) case x: SELF(x)\n");
        src.append("int f(int s) {\n  switch (s) {\n  X40\n  SELF(2)\n  }\n  return 0;\n}\n");
        FileExtraction r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new CExtractor().extract(file("bomb.c", src.toString())));
        assertEquals(FileOutcome.READ, r.outcome());
    }

    @Test
    void windowsLineEndingsKeepLineNumbers() {
        FileExtraction r = new CExtractor().extract(file("crlf.c", "/* x */\r\n" + STATE_LOOP.replace("\n", "\r\n")));
        Finding f = r.findings().get(0);
        assertEquals(3, f.startLine());
        assertEquals(8, f.endLine());
    }

    @Test
    void includeCyclesAreFollowedOnce() {
        Map<String, String> files = Map.of(
                "src/a.h", "#include \"b.h\"\n#define NEXT(s) state = (s); break\n",
                "src/b.h", "#include \"a.h\"\n");
        Map<String, String> includes = LocalIncludes.of("src/main.c", "#include \"a.h\"\n", files::get);
        assertEquals(2, includes.size());
        String text = "#include \"a.h\"\nint f(int state) {\n  for (;;) {\n    switch (state) {\n"
                + "    case 0: NEXT(1);\n    case 1: return 1;\n    }\n  }\n}\n";
        FileExtraction r = new CExtractor().extract(file("src/main.c", text), includes);
        Finding f = r.findings().get(0);
        assertEquals(Pattern.C_SWITCH_STATE_LOOP, f.pattern());
        assertEquals("macro-expanded", f.mode());
        assertEquals(Finding.Confidence.LOW, f.confidence());
        assertEquals(0, f.fallthroughs(), "the macro's break ends case 0");
    }
}
