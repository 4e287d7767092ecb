package io.loopscout.pipeline.beam.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.coders.CoderException;
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
    void findingsRoundTripWithNullsGraphsAndEveryField() throws Exception {
        String snippet = fixture("multibyte.rs");
        assertTrue(snippet.codePoints().anyMatch(c -> c > 0xFFFF), "the fixture must hold a surrogate pair");
        StateGraph graph = new StateGraph(List.of("State::Start", "State::\u03bb", "State::End"), List.of(
                new Edge(0, 1, EdgeKind.CONSTANT), new Edge(1, -1, EdgeKind.DYNAMIC),
                new Edge(1, 2, EdgeKind.FALLTHROUGH), new Edge(2, -1, EdgeKind.EXIT)));
        Finding rust = Finding.builder().project("tokenizer").version("0123abcd").file("src/lex.rs")
                .startLine(12).endLine(48).function("next_token").pattern(Pattern.RUST_STATE_LOOP)
                .stateVariable("state").states(3).constTransitions(2).dynamicTransitions(1).fallthroughs(1)
                .exits(1).stateType("State").eligible(true).reason("ok").loopMatchReady(false).parseErrors(0)
                .confidence(Finding.Confidence.LOW).mode("typed").snippet(snippet)
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
        // language code 9 of 3, as the finding coder's language field reads it
        byte[] bytes = {9};
        CoderException e = assertThrows(CoderException.class,
                () -> Fields.enumValue(Language.class, new ByteArrayInputStream(bytes)));
        assertEquals("no Language with code 9", e.getMessage());
    }
}
