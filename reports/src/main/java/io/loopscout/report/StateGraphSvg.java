package io.loopscout.report;

import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Draws a finding's state graph as inline SVG: states on a circle in source order, constant transitions as solid
 * arrows, fallthroughs dashed, and two pseudo-states in the middle for dynamic transitions ("?") and exits.
 * Labels are escaped and shortened; the full label is the node's tooltip.
 */
public final class StateGraphSvg {

    /** Graphs with more states are summarised in words, not drawn (they would be an unreadable hairball). */
    public static final int MAX_STATES = 64;

    /**
     * Graphs with more arrows (one per from, to and kind) are summarised in words, not drawn: a dense machine of
     * 64 states has thousands, which dot lays out for minutes and no reader can follow.
     */
    public static final int MAX_ARROWS = 120;

    private static final double NODE_R = 16;

    private StateGraphSvg() {
    }

    /**
     * The arrow heads every graph refers to, as a hidden SVG; a page that shows graphs includes it once (one set
     * of markers for the page instead of one per picture).
     */
    public static String markerDefs() {
        StringBuilder sb = new StringBuilder("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>");
        for (EdgeKind k : EdgeKind.values()) {
            sb.append("<marker id=\"").append(markerId(k)).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
                    .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                    .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(color(k)).append("\"/></marker>");
        }
        return sb.append("</defs></svg>").toString();
    }

    /** Graphs with more states than this are laid out by graphviz when it is installed (a circle gets tangled). */
    public static final int LAYERED_FROM = 13;

    /** The wildcard arm: a catch-all, not a state. */
    static final String WILDCARD = "_";

    /**
     * The picture of a finding's graph: small graphs on a circle (arrow heads from {@link #markerDefs()}), large
     * ones laid out in layers by graphviz, falling back to the circle when dot is missing. The wildcard arm
     * {@code _} is not drawn. Empty graph → empty string.
     */
    public static String render(StateGraph original) {
        StateGraph graph = withoutWildcard(original);
        int n = graph.states().size();
        int arrows = arrows(graph);
        if (n > 0 && n <= MAX_STATES && arrows > MAX_ARROWS) {
            return "<p class=\"note\">State graph of " + n + " states and " + arrows + " arrows: too large to draw "
                    + "(more than " + MAX_ARROWS + " arrows); its counts are in the finding's row.</p>";
        }
        if (n >= LAYERED_FROM && n <= MAX_STATES) {
            java.util.Optional<String> dot = GraphvizSvg.render(graph);
            if (dot.isPresent()) {
                return dot.get();
            }
        }
        return circle(graph);
    }

    /** The arrows a picture of {@code graph} draws: one per (from, to, kind) of a transition from a state. */
    static int arrows(StateGraph graph) {
        int n = graph.states().size();
        Set<String> drawn = new java.util.HashSet<>();
        for (Edge e : graph.edges()) {
            if (e.from() >= 0 && e.from() < n && e.to() < n) {
                drawn.add(e.from() + ">" + (e.to() < 0 ? -1 : e.to()) + e.kind());
            }
        }
        return drawn.size();
    }

    /** The graph without the wildcard arm's node and the transitions from or to it. */
    static StateGraph withoutWildcard(StateGraph g) {
        int w = g.states().indexOf(WILDCARD);
        if (w < 0) {
            return g;
        }
        java.util.List<String> states = new java.util.ArrayList<>(g.states());
        states.remove(w);
        java.util.List<Edge> edges = new java.util.ArrayList<>();
        for (Edge e : g.edges()) {
            if (e.from() == w || e.to() == w) {
                continue;
            }
            edges.add(new Edge(e.from() > w ? e.from() - 1 : e.from(), e.to() > w ? e.to() - 1 : e.to(), e.kind()));
        }
        return new StateGraph(states, edges);
    }

    /** Small graphs: states on a circle in source order. */
    static String circle(StateGraph graph) {
        int n = graph.states().size();
        if (n == 0) {
            return "";
        }
        if (n > MAX_STATES) {
            return "<p class=\"note\">State graph of " + n + " states and " + graph.edges().size()
                    + " edges: too large to draw.</p>";
        }
        double radius = Math.max(70, n * (NODE_R * 2 + 14) / (2 * Math.PI));
        double marginX = 150; // room for labels beside the circle
        double marginY = 40;
        double width = 2 * (radius + marginX);
        double height = 2 * (radius + marginY);
        double cx = width / 2;
        double cy = height / 2;
        double[][] pos = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            pos[i] = new double[] {cx + radius * Math.cos(a), cy + radius * Math.sin(a)};
        }
        boolean hasDynamic = graph.edges().stream().anyMatch(e -> e.to() < 0 && e.kind() != EdgeKind.EXIT);
        boolean hasExit = graph.edges().stream().anyMatch(e -> e.to() < 0 && e.kind() == EdgeKind.EXIT);
        // the pseudo-states sit one above the other in the middle, so arrows from the sides do not cross both
        double[] dynamicPos = {cx, cy - (hasExit ? 24 : 0)};
        double[] exitPos = {cx, cy + (hasDynamic ? 24 : 0)};

        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(fmt(width)).append("\" height=\"").append(fmt(height)).append("\" viewBox=\"0 0 ")
                .append(fmt(width)).append(' ').append(fmt(height)).append("\"><title>State graph: ").append(n)
                .append(" states, ").append(graph.edges().size()).append(" transitions</title>");

        Set<String> drawn = new LinkedHashSet<>(); // one arrow per (from, to, kind)
        for (Edge e : graph.edges()) {
            if (e.from() < 0 || e.from() >= n || e.to() >= n || !drawn.add(e.from() + ">" + e.to() + e.kind())) {
                continue;
            }
            double[] from = pos[e.from()];
            if (e.to() == e.from()) {
                sb.append(selfLoop(from, cx, cy, e.kind()));
                continue;
            }
            double[] to = e.to() >= 0 ? pos[e.to()] : e.kind() == EdgeKind.EXIT ? exitPos : dynamicPos;
            double toR = e.to() >= 0 ? NODE_R : 11;
            sb.append(arrow(from, to, NODE_R, toR, e.kind()));
        }
        for (int i = 0; i < n; i++) {
            String label = graph.states().get(i);
            sb.append("<g class=\"node\"><title>").append(Html.esc(label)).append("</title><circle cx=\"")
                    .append(fmt(pos[i][0])).append("\" cy=\"").append(fmt(pos[i][1])).append("\" r=\"")
                    .append(fmt(NODE_R)).append("\" fill=\"").append(i == 0 ? "#dbeafe" : "#f8fafc")
                    .append("\" stroke=\"#334155\"/><text x=\"").append(fmt(pos[i][0])).append("\" y=\"")
                    .append(fmt(pos[i][1] + 4)).append("\" text-anchor=\"middle\" font-size=\"11\">")
                    .append(i).append("</text>");
            double a = Math.atan2(pos[i][1] - cy, pos[i][0] - cx);
            int self = i;
            // a self-loop is drawn outward too: its label moves out of the loop's way
            double off = NODE_R + 6 + (graph.edges().stream().anyMatch(e -> e.from() == self && e.to() == self) ? 30 : 0);
            double lx = pos[i][0] + Math.cos(a) * off;
            double ly = pos[i][1] + Math.sin(a) * off + 4;
            String anchor = Math.abs(Math.cos(a)) < 0.3 ? "middle" : Math.cos(a) > 0 ? "start" : "end";
            sb.append("<text x=\"").append(fmt(lx)).append("\" y=\"").append(fmt(ly + (Math.sin(a) > 0.7 ? 8 : 0)))
                    .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"11\" fill=\"#0f172a\">")
                    .append(Html.esc(Html.shorten(label, 18))).append("</text></g>");
        }
        if (hasDynamic) {
            sb.append(pseudo(dynamicPos, "?", "dynamic transition (target computed at run time)", "#fde68a"));
        }
        if (hasExit) {
            sb.append(pseudo(exitPos, "⏏", "exit (return, break, ?)", "#fecaca"));
        }
        return sb.append("</svg>").toString();
    }

    private static String pseudo(double[] p, String symbol, String title, String fill) {
        return "<g class=\"node\"><title>" + Html.esc(title) + "</title><circle cx=\"" + fmt(p[0]) + "\" cy=\""
                + fmt(p[1]) + "\" r=\"11\" fill=\"" + fill + "\" stroke=\"#334155\"/><text x=\"" + fmt(p[0])
                + "\" y=\"" + fmt(p[1] + 4) + "\" text-anchor=\"middle\" font-size=\"11\">" + symbol + "</text></g>";
    }

    private static String arrow(double[] from, double[] to, double fromR, double toR, EdgeKind kind) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double x1 = from[0] + ux * fromR;
        double y1 = from[1] + uy * fromR;
        double x2 = to[0] - ux * (toR + 2);
        double y2 = to[1] - uy * (toR + 2);
        // bend a little so that A→B and B→A do not overlap
        double mx = (x1 + x2) / 2 - uy * len * 0.12;
        double my = (y1 + y2) / 2 + ux * len * 0.12;
        return "<path d=\"M" + fmt(x1) + "," + fmt(y1) + " Q" + fmt(mx) + "," + fmt(my) + " " + fmt(x2) + ","
                + fmt(y2) + "\" fill=\"none\" stroke=\"" + color(kind) + "\" stroke-width=\"1.4\""
                + (kind == EdgeKind.FALLTHROUGH || kind == EdgeKind.DYNAMIC ? " stroke-dasharray=\"4 3\"" : "")
                + " marker-end=\"url(#" + markerId(kind) + ")\"><title>" + kindName(kind)
                + "</title></path>";
    }

    private static String selfLoop(double[] p, double cx, double cy, EdgeKind kind) {
        double a = Math.atan2(p[1] - cy, p[0] - cx);
        double ox = Math.cos(a);
        double oy = Math.sin(a);
        double sx = p[0] + (ox * Math.cos(0.5) - oy * Math.sin(0.5)) * NODE_R;
        double sy = p[1] + (oy * Math.cos(0.5) + ox * Math.sin(0.5)) * NODE_R;
        double ex = p[0] + (ox * Math.cos(-0.5) - oy * Math.sin(-0.5)) * NODE_R;
        double ey = p[1] + (oy * Math.cos(-0.5) + ox * Math.sin(-0.5)) * NODE_R;
        double c1x = p[0] + ox * 46 - oy * 22;
        double c1y = p[1] + oy * 46 + ox * 22;
        double c2x = p[0] + ox * 46 + oy * 22;
        double c2y = p[1] + oy * 46 - ox * 22;
        return "<path d=\"M" + fmt(sx) + "," + fmt(sy) + " C" + fmt(c1x) + "," + fmt(c1y) + " " + fmt(c2x) + ","
                + fmt(c2y) + " " + fmt(ex) + "," + fmt(ey) + "\" fill=\"none\" stroke=\"" + color(kind)
                + "\" stroke-width=\"1.4\" marker-end=\"url(#" + markerId(kind) + ")\"><title>"
                + kindName(kind) + " (self)</title></path>";
    }

    private static String markerId(EdgeKind k) {
        return "arrow-" + kindName(k);
    }

    private static String kindName(EdgeKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private static String color(EdgeKind k) {
        return switch (k) {
            case CONSTANT -> "#2563eb";
            case FALLTHROUGH -> "#7c3aed";
            case DYNAMIC -> "#b45309";
            case EXIT -> "#dc2626";
        };
    }

    /** A coordinate with one decimal, locale-independent (deterministic bytes; String.format is slow here). */
    static String fmt(double v) {
        long tenths = Math.round(v * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }
}
