package io.loopscout.runner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.SourceFile;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.rust.RustExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The state graphs of the model fixtures (src/test/resources/model), extracted by the real Rust extractor: the
 * graph the model tier is handed is the one a finding carries, not one written by hand for the test.
 */
final class FixtureGraphs {
    /** unsafe-libyaml-like: a c2rust loop whose first arm only exits and whose catch-all holds every transition. */
    static final String C2RUST = "c2rust_current_block.rs";
    /** fdeflate-like: a field-state decoder whose first arm mostly exits. */
    static final String DECODER = "field_state_decoder.rs";

    private FixtureGraphs() {
    }

    /** The graph of the one finding in {@code fixture}, checked against the counts its annotation states. */
    static StateGraph of(String fixture, Pattern pattern, int states, int constTransitions, int exits)
            throws IOException {
        String text;
        try (InputStream in = Objects.requireNonNull(FixtureGraphs.class.getResourceAsStream("/model/" + fixture),
                fixture)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Finding> found = new RustExtractor()
                .extract(new SourceFile("fixture", "0", "src/" + fixture, Language.RUST, text)).findings();
        assertEquals(1, found.size(), fixture + ": " + found);
        Finding f = found.get(0);
        assertEquals(pattern, f.pattern(), fixture);
        assertEquals(List.of(states, constTransitions, exits), List.of(f.states(), f.constTransitions(), f.exits()),
                fixture + ": states, constant transitions, exits");
        return f.graph();
    }

    static StateGraph c2rust() throws IOException {
        return of(C2RUST, Pattern.RUST_C2RUST_CURRENT_BLOCK, 2, 9, 2);
    }

    static StateGraph decoder() throws IOException {
        return of(DECODER, Pattern.RUST_FIELD_STATE_LOOP, 8, 4, 8);
    }
}
