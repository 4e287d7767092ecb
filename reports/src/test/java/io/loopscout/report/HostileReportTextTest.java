package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.runner.Measurement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every corpus text in report.html and findings.sarif is escaped: markup and quotes, control characters, bidi
 * overrides ("Trojan Source"), SARIF's embedded-link brackets, and a 200,000-character line do not change the
 * page's structure or a SARIF viewer's rendering, and the reports are written in bounded time.
 */
class HostileReportTextTest {

    private static final String LONG = "x".repeat(200_000);
    /** A name a hostile crate can give a function, a file, a state, a failure. */
    private static final String EVIL = "evil[click me](1)\u202e\u2066\u0000\u0007\u001b[2J<script>alert(9)</script>"
            + "\"'`</textarea><!--";

    private static ProjectResult hostile() {
        ProjectSpec spec = new ProjectSpec("evil", Language.RUST, new SourceSpec.Path("/srv/evil"), Popularity.none(),
                null, null, EVIL, 3);
        Finding f = Finding.builder().file("src/" + EVIL + ".rs").startLine(1).endLine(3).function(EVIL + LONG)
                .pattern(Pattern.RUST_STATE_LOOP).stateVariable("state").states(3).constTransitions(2).exits(1)
                .stateType(EVIL).eligible(false).reason(EVIL).snippet("loop { match state { /* " + EVIL + LONG
                        + " */ } }\n")
                .graph(new StateGraph(List.of("A", EVIL, "C" + LONG), List.of(new Edge(0, 1, EdgeKind.CONSTANT),
                        new Edge(1, 2, EdgeKind.CONSTANT), new Edge(2, -1, EdgeKind.EXIT))))
                .build();
        return ProjectResult.of(spec, "1.0.0", List.of(f), Measurement.staticOnly(), "");
    }

    @Test
    void theHtmlReportShowsHostileTextAsText() {
        List<Failure> failures = List.of(new Failure("evil", "extract", FailureClass.PARSE_FAIL, EVIL + LONG));
        String html = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HtmlReport.render(List.of(hostile()),
                failures, ResultFixtures.runInfo(), "score"));
        assertFalse(html.contains("<script>alert(9)"), "markup of the corpus reached the page");
        assertFalse(html.contains("</textarea><!--"), "markup of the corpus reached the page");
        assertTrue(html.contains("&lt;script&gt;alert(9)&lt;/script&gt;&quot;&#39;`&lt;/textarea&gt;&lt;!--"),
                "shown as text");
        for (char c : new char[] {'\u202e', '\u2066', '\u0000', '\u0007', '\u001b'}) {
            assertEquals(-1, html.indexOf(c), String.format("raw U+%04X in the page", (int) c));
        }
        assertTrue(html.contains("\\u{202e}"), "bidi controls are shown as escapes");
        assertEquals(1, count(html, "<script"), "only the page's own script");
    }

    @Test
    void theSarifFileEscapesEmbeddedLinksAndHidesNoControlCharacter() throws Exception {
        String sarif = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> SarifReport.render(List.of(hostile()), ResultFixtures.runInfo()));
        for (char c : new char[] {'\u202e', '\u2066', '\u0000', '\u0007', '\u001b'}) {
            assertEquals(-1, sarif.indexOf(c), String.format("raw U+%04X in the SARIF file", (int) c));
        }
        JsonNode result = RunJson.MAPPER.readTree(sarif).path("runs").get(0).path("results").get(0);
        String message = result.path("message").path("text").asText();
        // SARIF 2.1.0 §3.11.6: a literal bracket in a plain-text message is escaped, else "[click me](1)" is a link
        assertTrue(message.contains("evil\\[click me\\](1)"), message.substring(0, 200));
        assertFalse(message.replace("\\[", "").replace("\\]", "").matches("(?s).*\\[[^\\]]*\\]\\(\\d+\\).*"),
                "an embedded link survives");
        assertEquals(EVIL + LONG, result.path("locations").get(0).path("logicalLocations").get(0).path("name")
                .asText(), "properties keep the exact text (JSON-escaped)");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
