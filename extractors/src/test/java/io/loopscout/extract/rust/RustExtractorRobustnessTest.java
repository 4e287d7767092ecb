package io.loopscout.extract.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input never throws and never hangs: it comes back as a FileOutcome or as damaged findings. */
class RustExtractorRobustnessTest {

    private static final String MACHINE = """
            enum S { A, B }
            fn f(mut s: S) {
                loop {
                    match s {
                        S::A => s = S::B,
                        S::B => return,
                    }
                }
            }
            """;

    private static FileExtraction extract(String text) {
        return new RustExtractor().extract(new SourceFile("p", "1", "x.rs", Language.RUST, text));
    }

    @Test
    void invalidUtf8DecodedWithReplacementCharactersStillYieldsFindings() throws Exception {
        byte[] bytes = ("// caf\u00e9 \n" + MACHINE.replace("S::B => return", "S::B => { let _ = \"\uFFFD\"; return }"))
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, bad, 4, bytes.length);
        bad[0] = (byte) 0xC3; // truncated sequences and a lone continuation byte, as in Latin-1 files
        bad[1] = (byte) 0x28;
        bad[2] = (byte) 0xA0;
        bad[3] = (byte) 0x0A;
        String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bad)).toString();
        assertTrue(decoded.indexOf('\uFFFD') >= 0);
        FileExtraction r = extract(decoded);
        assertEquals(FileOutcome.READ, r.outcome());
        assertEquals(1, r.findings().size());
        Finding f = r.findings().get(0);
        assertEquals(5, f.startLine());
        assertTrue(f.snippet().contains("\uFFFD"));
    }

    @Test
    void hugeFileIsRefusedWithoutParsing() {
        String huge = "// loop\n" + "x".repeat(RustExtractor.MAX_BYTES + 1);
        FileExtraction r = extract(huge);
        assertEquals(FileOutcome.TOO_LARGE, r.outcome());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void deeplyNestedCodeIsReportedTooDeep() {
        String deep = "fn f() { loop { match s { _ => " + "{".repeat(RustExtractor.MAX_DEPTH + 10)
                + "}".repeat(RustExtractor.MAX_DEPTH + 10) + " } } }";
        assertEquals(FileOutcome.TOO_DEEP, extract(deep).outcome());
    }

    @Test
    void fileThatCannotHoldAFindingIsNotParsed() {
        // loops but no match: no pattern can be in it, so neither its depth nor its damaged spots are looked at
        String damaged = "fn f() { loop { let x = ) ; } }\nfn g() { while ( { ] } }\n".repeat(5);
        FileExtraction r = extract(damaged);
        assertEquals(FileOutcome.READ, r.outcome());
        assertEquals(0, r.parseErrors());
        assertTrue(extract(damaged + "fn h(s: u8) { match s { _ => {} } }").parseErrors() > 0);
        String deep = "fn f() { loop { " + "{".repeat(RustExtractor.MAX_DEPTH + 10) + "}".repeat(RustExtractor.MAX_DEPTH + 10)
                + " } }";
        assertEquals(FileOutcome.READ, extract(deep).outcome());
    }

    @Test
    void nestingJustBelowTheLimitIsParsedAndAnalysed() {
        // Deep but legal: an expression nested 900 parentheses deep inside a state machine's arm.
        String nested = MACHINE.replace("S::A => s = S::B,", "S::A => { let _x = " + "(".repeat(900) + "1"
                + ")".repeat(900) + "; s = S::B }");
        FileExtraction r = extract(nested);
        assertEquals(FileOutcome.READ, r.outcome());
        assertEquals(1, r.findings().size());
    }

    @Test
    void slowParseTimesOut() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append("fn f").append(i).append("(mut s: u8) { loop { match s { 0 => s = 1, _ => return } } }\n");
        }
        FileExtraction r = new RustExtractor(new RustSymbols(), Duration.ofMillis(1))
                .extract(new SourceFile("p", "1", "big.rs", Language.RUST, big.toString()));
        assertEquals(FileOutcome.PARSE_TIMEOUT, r.outcome());
    }

    @Test
    void largeValidFileWithinTheLimitIsFullyExtracted() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            big.append("fn f").append(i).append("(mut s: u8) { loop { match s { 0 => s = 1, _ => return } } }\n");
        }
        FileExtraction r = extract(big.toString());
        assertEquals(FileOutcome.READ, r.outcome());
        assertEquals(2_000, r.findings().size());
        assertEquals(2_000, r.findings().get(1_999).startLine());
    }

    @Test
    void garbageAndFuzzedSourcesNeverThrow() {
        Random random = new Random(20261123);
        String[] tokens = {"loop", "while", "match", "{", "}", "(", ")", "=>", "=", "state", "self.state", ";", ",",
            "'a:", "break", "'a", "continue", "return", "?", "State::A", "0u8", "|x|", "macro!", "#[loop_match]",
            "current_block", "==", "if", "else", "let", "mut", "\"", "'", "/*", "*/", "\n", "\uFFFD", "_", "unsafe"};
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder("fn f() {");
            int n = random.nextInt(400);
            for (int i = 0; i < n; i++) {
                sb.append(tokens[random.nextInt(tokens.length)]).append(' ');
            }
            FileExtraction r = extract(sb.toString());
            assertTrue(r.outcome() == FileOutcome.READ || r.outcome() == FileOutcome.SYNTAX_ERRORS,
                    () -> "unexpected outcome " + r.outcome() + " " + r.detail() + " for " + sb);
            for (Finding f : r.findings()) {
                assertTrue(f.startLine() >= 1 && f.endLine() >= f.startLine());
            }
        }
    }

    @Test
    void syntaxErrorsAroundAMachineLowerConfidence() {
        FileExtraction r = extract("fn g( {\n" + MACHINE.replace("S::A => s = S::B,", "S::A => { s = S::B; let = ; }"));
        assertTrue(r.parseErrors() > 0);
        List<Finding> f = r.findings();
        assertEquals(1, f.size());
        assertEquals(Finding.Confidence.LOW, f.get(0).confidence());
        assertTrue(f.get(0).parseErrors() > 0);
    }

    @Test
    void fileFullOfSyntaxErrorsIsFlagged() {
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            junk.append("fn f").append(i).append("( { let = ; loop { match } ) ]\n");
        }
        FileExtraction r = extract(junk.toString());
        assertEquals(FileOutcome.SYNTAX_ERRORS, r.outcome());
        assertTrue(r.parseErrors() >= 50);
    }

    @Test
    void oneTypoInALargeFileIsNotAProblem() {
        FileExtraction r = extract(MACHINE.repeat(40) + "fn typo( {}\n");
        assertEquals(FileOutcome.READ, r.outcome());
        assertTrue(r.parseErrors() > 0);
    }

    @Test
    void filesWithoutLoopsAreNotParsed() {
        FileExtraction r = extract("fn f() { match x { _ => {} } }  fn g( {{{ ");
        assertEquals(FileOutcome.READ, r.outcome());
        assertEquals(0, r.parseErrors(), "skipped before parsing, so no error count either");
    }
}
