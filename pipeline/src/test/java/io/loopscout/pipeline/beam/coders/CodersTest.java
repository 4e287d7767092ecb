package io.loopscout.pipeline.beam.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** Round trips of the field coders through Beam's own coder checks, on values like the extractors produce. */
class CodersTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = CodersTest.class.getResourceAsStream("/coders/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sourceFilesRoundTripWithMultibyteTextAndEmptyFiles() throws Exception {
        String text = fixture("multibyte.rs");
        assertTrue(text.codePoints().anyMatch(c -> c > 0xFFFF), "the fixture must hold a surrogate pair");
        List<SourceFile> files = List.of(
                new SourceFile("tokenizer", "0123abcd", "src/lex\u00e9.rs", Language.RUST, text),
                new SourceFile("decoder", "v1", "decoder.c", Language.C, ""),
                new SourceFile("mixed", "1.0.0", "build.rs", null, "fn main() {}\n"));
        for (SourceFile f : files) {
            CoderProperties.coderDecodeEncodeEqual(SourceFileCoder.of(), f);
            CoderProperties.structuralValueDecodeEncodeEqual(SourceFileCoder.of(), f);
            CoderProperties.coderDeterministic(SourceFileCoder.of(), f, f);
        }
        CoderProperties.coderSerializable(SourceFileCoder.of());
    }

    @Test
    void sourceFileTextTravelsAsUtf8NotJavaSerialization() throws Exception {
        String text = fixture("multibyte.rs");
        SourceFile f = new SourceFile("p", "v", "src/a.rs", Language.RUST, text);
        int utf8 = text.getBytes(StandardCharsets.UTF_8).length;
        byte[] ours = CoderUtils.encodeToByteArray(SourceFileCoder.of(), f);
        byte[] java = CoderUtils.encodeToByteArray(SerializableCoder.of(SourceFile.class), f);
        // text + three short strings + lengths: a handful of bytes over the text's UTF-8 size
        assertTrue(ours.length - utf8 < 32, "overhead " + (ours.length - utf8));
        assertTrue(java.length > ours.length + 100, "java " + java.length + " ours " + ours.length);
    }

    @Test
    void findingsRoundTripWithNullsGraphsAndEveryField() throws Exception {
        StateGraph graph = new StateGraph(List.of("State::Start", "State::\u03bb", "State::End"), List.of(
                new Edge(0, 1, EdgeKind.CONSTANT), new Edge(1, -1, EdgeKind.DYNAMIC),
                new Edge(1, 2, EdgeKind.FALLTHROUGH), new Edge(2, -1, EdgeKind.EXIT)));
        Finding rust = Finding.builder().project("tokenizer").version("0123abcd").file("src/lex.rs")
                .startLine(12).endLine(48).function("next_token").pattern(Pattern.RUST_STATE_LOOP)
                .stateVariable("state").states(3).constTransitions(2).dynamicTransitions(1).fallthroughs(1)
                .exits(1).stateType("State").eligible(true).reason("ok").loopMatchReady(false).parseErrors(0)
                .confidence(Finding.Confidence.LOW).mode("typed").snippet("loop {\n  match state { /* \u00e9\u2603 */ }\n}")
                .graph(graph).modelSpeedup(1.37).rewrite(new io.loopscout.extract.rewrite.LoopOutcome("src/lex.rs", 12,
                        "rust/state-loop", "state", io.loopscout.extract.rewrite.LoopOutcome.Status.REVERTED,
                        "error[E0507]: cannot move out of `self.mode`")).driverFunction("run").driverLine(77).build();
        // a C finding leaves eligible, reason, loopMatchReady, stateType and modelSpeedup null
        Finding c = Finding.builder().project("decoder").file("decoder.c").startLine(3).endLine(9)
                .pattern(Pattern.C_COMPUTED_GOTO).build();
        Finding nullGraph = c.toBuilder().graph(null).function(null).confidence(null).build();
        for (Finding f : List.of(rust, c, nullGraph)) {
            CoderProperties.coderDecodeEncodeEqual(FindingCoder.of(), f);
            CoderProperties.structuralValueDecodeEncodeEqual(FindingCoder.of(), f);
            CoderProperties.coderDeterministic(FindingCoder.of(), f, f);
        }
        assertEquals(Language.C, CoderUtils.clone(FindingCoder.of(), c).language());
        CoderProperties.coderSerializable(FindingCoder.of());
    }

    @Test
    void anEnumCodeOutsideTheEnumIsAnErrorNotAWrongValue() {
        // three present one-letter strings (marker 1, length 1, letter), then language code 9 of 3
        byte[] bytes = {1, 1, 'p', 1, 1, 'v', 1, 1, 'a', 9, 0};
        CoderException e = assertThrows(CoderException.class,
                () -> SourceFileCoder.of().decode(new ByteArrayInputStream(bytes)));
        assertEquals("no Language with code 9", e.getMessage());
    }
}
