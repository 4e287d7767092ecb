package io.loopscout.report;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A large state graph laid out by graphviz ({@code dot -Tsvg}, left to right, layered), so that 30 states are
 * readable where a circle is a tangle. dot's output is rebuilt element by element from a whitelist (shapes, text,
 * titles; no links, scripts, styles or foreign content), every text escaped again, so the SVG embedded in the page
 * is as safe as loopscout's own. Empty when dot is missing, slow or fails: the caller draws its own layout.
 */
final class GraphvizSvg {

    /** How long dot may take for one graph. */
    static final long TIMEOUT_SECONDS = 10;

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "title", "polygon", "ellipse", "path",
            "polyline", "text");
    private static final Set<String> ATTRIBUTES = Set.of("width", "height", "viewBox", "class", "transform",
            "points", "cx", "cy", "rx", "ry", "d", "x", "y", "fill", "stroke", "stroke-width", "stroke-dasharray",
            "text-anchor", "font-family", "font-size");
    private static final Map<EdgeKind, String> EDGE_STYLE = Map.of(
            EdgeKind.CONSTANT, "color=\"#2563eb\"",
            EdgeKind.FALLTHROUGH, "color=\"#7c3aed\", style=dashed",
            EdgeKind.DYNAMIC, "color=\"#b45309\", style=dashed",
            EdgeKind.EXIT, "color=\"#dc2626\"");

    private GraphvizSvg() {
    }

    /** The graph drawn by dot and sanitised, or empty (no dot, a timeout, an error, output it cannot read). */
    static Optional<String> render(StateGraph graph) {
        java.nio.file.Path output = null;
        Process p = null;
        try {
            // dot's output goes to a file, so the timeout holds however long dot works (reading its pipe would not
            // return before dot ends)
            output = java.nio.file.Files.createTempFile("loopscout-dot", ".svg");
            p = new ProcessBuilder("dot", "-Tsvg").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(output.toFile()).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(dot(graph).getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(sanitise(java.nio.file.Files.readAllBytes(output), graph));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // dot not installed, or output we do not accept
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            if (output != null) {
                try {
                    java.nio.file.Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a temp file of dot's output left behind
                }
            }
        }
    }

    /** The DOT text: states by index (labels quoted and escaped), pseudo-states for dynamic targets and exits. */
    static String dot(StateGraph g) {
        StringBuilder sb = new StringBuilder("digraph states {\n  rankdir=LR; nodesep=0.25; ranksep=0.45;\n")
                .append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f8fafc\", color=\"#334155\", ")
                .append("fontname=\"sans-serif\", fontsize=11];\n  edge [arrowsize=0.6];\n");
        for (int i = 0; i < g.states().size(); i++) {
            sb.append("  s").append(i).append(" [label=\"").append(i).append(": ")
                    .append(quote(Html.shorten(g.states().get(i), 28))).append('"')
                    .append(i == 0 ? ", fillcolor=\"#dbeafe\"" : "").append("];\n");
        }
        Set<String> drawn = new LinkedHashSet<>();
        for (Edge e : g.edges()) {
            if (e.from() < 0 || e.from() >= g.states().size() || e.to() >= g.states().size()) {
                continue;
            }
            String to = e.to() >= 0 ? "s" + e.to() : e.kind() == EdgeKind.EXIT ? "exit" : "dynamic";
            if (drawn.add("s" + e.from() + " -> " + to + " [" + EDGE_STYLE.get(e.kind()) + "]")) {
                drawn.add(to.equals("exit") ? "exit [label=\"exit\", shape=ellipse, fillcolor=\"#fecaca\"]"
                        : to.equals("dynamic") ? "dynamic [label=\"?\", shape=ellipse, fillcolor=\"#fde68a\"]" : "");
            }
        }
        drawn.stream().filter(s -> !s.isEmpty()).forEach(s -> sb.append("  ").append(s).append(";\n"));
        return sb.append("}\n").toString();
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", " ");
    }

    /** dot's SVG rebuilt from the whitelist, with loopscout's class and title. */
    static String sanitise(byte[] svg, StateGraph graph) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        } catch (Exception e) {
            throw new IOException("dot's SVG does not parse: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"svg".equals(root.getLocalName())) {
            throw new IOException("dot did not write an svg element");
        }
        StringBuilder sb = new StringBuilder("<svg class=\"graph dot\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
        attributes(root, sb);
        sb.append("><title>State graph: ").append(graph.states().size()).append(" states, ")
                .append(graph.edges().size()).append(" transitions (laid out by graphviz)</title>");
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            copy(c, sb);
        }
        return sb.append("</svg>").toString();
    }

    private static void copy(Node n, StringBuilder sb) {
        if (n.getNodeType() == Node.TEXT_NODE) {
            sb.append(Html.esc(n.getNodeValue()));
            return;
        }
        if (!(n instanceof Element e) || !ELEMENTS.contains(e.getLocalName()) || e.getLocalName().equals("svg")) {
            return; // comments, links, anything else: dropped with its content
        }
        sb.append('<').append(e.getLocalName());
        attributes(e, sb);
        sb.append('>');
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            copy(c, sb);
        }
        sb.append("</").append(e.getLocalName()).append('>');
    }

    private static void attributes(Element e, StringBuilder sb) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            String name = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            String value = a.getNodeValue();
            if (a.getNamespaceURI() == null && ATTRIBUTES.contains(name) && !value.toLowerCase().contains("url(")
                    && !(e.getLocalName().equals("svg") && name.equals("class"))) {
                sb.append(' ').append(name).append("=\"").append(Html.esc(value)).append('"');
            }
        }
    }
}
