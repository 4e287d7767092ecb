package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Large graphs through graphviz (sanitised), small ones on the circle; the wildcard arm is never a state. */
class StateGraphLayoutTest {

    /** A 31-state chain like zlib's inflate, every label hostile markup, with self-loops, exits and a dynamic edge. */
    static StateGraph large() {
        List<String> states = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            states.add("Mode::S" + i + "</text><script>alert(" + i + ")</script><a href=\"javascript:x\">");
            if (i > 0) {
                edges.add(new Edge(i - 1, i, EdgeKind.CONSTANT));
            }
            if (i % 5 == 0) {
                edges.add(new Edge(i, i, EdgeKind.CONSTANT));
                edges.add(new Edge(i, -1, EdgeKind.EXIT));
            }
        }
        edges.add(new Edge(3, -1, EdgeKind.DYNAMIC));
        edges.add(new Edge(30, 0, EdgeKind.FALLTHROUGH));
        return new StateGraph(states, edges);
    }

    private static boolean dotInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "dot"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code n} states, every one with a constant transition to every other (a hostile, dense machine). */
    static StateGraph complete(int n) {
        List<String> states = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            states.add("S" + i);
            for (int j = 0; j < n; j++) {
                edges.add(new Edge(i, j, EdgeKind.CONSTANT));
                edges.add(new Edge(i, j, EdgeKind.FALLTHROUGH));
            }
            edges.add(new Edge(i, -1, EdgeKind.DYNAMIC));
        }
        return new StateGraph(states, edges);
    }

    @Test
    void aGraphWithMoreThan120ArrowsIsDescribedNotDrawnAndDoesNotHoldTheReportUp() {
        StateGraph dense = complete(StateGraphSvg.MAX_STATES); // 64 states, 8,256 distinct arrows
        long start = System.nanoTime();
        String html = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> StateGraphSvg.render(dense));
        assertTrue(html.startsWith("<p class=\"note\">") && html.contains("64 states")
                && html.contains("more than " + StateGraphSvg.MAX_ARROWS + " arrows"), html);
        assertFalse(html.contains("<svg"), html);
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        // the limit counts arrows as the picture draws them, one per (from, to, kind): 11 states, 121 arrows
        List<String> states = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            states.add("S" + i);
            for (int j = 0; j < 11; j++) {
                edges.add(new Edge(i, j, EdgeKind.CONSTANT));
            }
        }
        assertTrue(StateGraphSvg.render(new StateGraph(states, edges)).contains("121 arrows"), "121 arrows: a note");
        List<Edge> withDuplicates = new ArrayList<>(edges.subList(0, 120));
        withDuplicates.addAll(edges.subList(0, 50));
        assertTrue(StateGraphSvg.render(new StateGraph(states, withDuplicates)).startsWith("<svg"), "120: drawn");
    }

    @Test
    void aLargeGraphIsLaidOutByGraphvizAndSanitised() {
        Assumptions.assumeTrue(dotInstalled(), "graphviz (dot) not installed: layered layout not tested");
        String svg = StateGraphSvg.render(large());
        assertTrue(svg.startsWith("<svg class=\"graph dot\""), svg.substring(0, 80));
        String lower = svg.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script") || lower.contains("<a") || lower.contains("javascript:")
                && !lower.contains("javascript:x&quot;"), "no markup of the corpus survives");
        assertFalse(lower.contains("<!doctype") || lower.contains("<?xml") || lower.contains("<!--"));
        assertTrue(svg.contains("&lt;/text&gt;&lt;script&gt;alert(") || svg.contains("&lt;/text&gt;&lt;script"),
                "labels are text: " + svg.substring(0, Math.min(svg.length(), 2000)));
        assertEquals(31 + 2, count(svg, "<g class=\"node\">"), "31 states, the exit and the dynamic target");
        assertTrue(count(svg, "<g class=\"edge\">") >= 36);
    }

    @Test
    void smallGraphsStayOnTheCircleAndTheWildcardIsNoState() {
        StateGraph g = new StateGraph(List.of("A", "_", "B"), List.of(new Edge(0, 1, EdgeKind.CONSTANT),
                new Edge(1, 2, EdgeKind.CONSTANT), new Edge(0, 2, EdgeKind.CONSTANT), new Edge(2, -1, EdgeKind.EXIT)));
        StateGraph without = StateGraphSvg.withoutWildcard(g);
        assertEquals(List.of("A", "B"), without.states());
        assertEquals(List.of(new Edge(0, 1, EdgeKind.CONSTANT), new Edge(1, -1, EdgeKind.EXIT)), without.edges());
        String svg = StateGraphSvg.render(g);
        assertTrue(svg.startsWith("<svg class=\"graph\""));
        assertEquals(2 + 1, count(svg, "<g class=\"node\">"), "A, B and the exit, not _");
        assertFalse(svg.contains(">_<"));
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
