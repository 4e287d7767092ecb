package io.loopscout.report;

import io.loopscout.runner.translate.CComparison;
import io.loopscout.runner.translate.CComparison.FunctionCost;
import io.loopscout.runner.translate.CComparison.LoopRewrite;
import io.loopscout.runner.translate.CComparison.Row;
import io.loopscout.runner.translate.CVariant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Rust against C (c2rust)" part of report.html: per workload a table and a time-ratio chart of every variant
 * against the C library, the translation's candidate loops, and the experiment's notes. Every string of a
 * {@link CComparison} came from the corpus or its tools (symbols, paths, logs) and goes through {@link Html#esc}.
 */
final class CComparisonHtml {

    /** Table and chart order: the baseline, the translation, its two treatments, the A/A control, the port. */
    static final List<CVariant> ORDER = List.of(CVariant.C, CVariant.A, CVariant.R, CVariant.F, CVariant.B,
            CVariant.B_FLAG, CVariant.D, CVariant.A_PRIME,
            CVariant.RUST_PORT);

    /** What a cell without a figure shows (the row's status says why). */
    static final String MISSING = "—";

    /** The status of a variant the record has no row for. */
    static final String NO_ROW = "not in this comparison";

    /** The intermediate steps of the rewrite (renumbered, flattened, + LLVM flag): shown only when measured. */
    static final java.util.Set<CVariant> STEPS = java.util.EnumSet.of(CVariant.R, CVariant.F, CVariant.B_FLAG);

    private static final String TIME_RATIO_NOTE = "Time / C is the variant's median time divided by the C "
            + "library's, with its 95% bootstrap CI paired by round: above 1× is slower than C. Instructions, "
            + "branches and mispredictions are callgrind counts on a slice of the corpus; they do not move with "
            + "machine noise.";

    private CComparisonHtml() {
    }

    /** The id of a project's comparison section (the project is at {@code #p-pos}). */
    static String anchor(int pos) {
        return "p-" + pos + "-c2rust";
    }

    /** The summary's list of c2rust experiments, or nothing when no project has one. */
    static void summary(StringBuilder h, List<ProjectResult> ordered) {
        if (ordered.stream().noneMatch(r -> r.cComparison() != null)) {
            return;
        }
        h.append("<h3>Rust against C (c2rust)</h3><ul id=\"c2rust-summary\">");
        for (int pos = 1; pos <= ordered.size(); pos++) {
            CComparison c = ordered.get(pos - 1).cComparison();
            if (c == null) {
                continue;
            }
            h.append("<li>c2rust experiment: <a class=\"open\" href=\"#p-").append(pos).append("\">")
                    .append(Html.esc(ordered.get(pos - 1).id())).append("</a>");
            for (String workload : workloads(c)) {
                h.append(" — ").append(headline(c, workload));
            }
            h.append("</li>");
        }
        h.append("</ul>");
    }

    /** One workload's outcome in a sentence: the loop_match variant against C, then the others for context. */
    private static String headline(CComparison c, String workload) {
        StringBuilder s = new StringBuilder();
        Optional<Row> b = row(c, workload, CVariant.B);
        if (b.isPresent() && b.get().timeRatio() != null) {
            s.append(Html.esc(CVariant.B.label())).append(' ').append(ratio(b.get().timeRatio())).append(" C time on ")
                    .append(Html.esc(workload)).append(ci(b.get()).isEmpty() ? "" : " (95% CI " + ci(b.get()) + ")");
        } else {
            s.append(Html.esc(CVariant.B.label())).append(" not measured on ").append(Html.esc(workload)).append(" (")
                    .append(Html.esc(b.map(Row::status).orElse(NO_ROW))).append(')');
        }
        for (CVariant v : List.of(CVariant.A, CVariant.D)) {
            Optional<Row> r = row(c, workload, v);
            if (r.isPresent() && r.get().timeRatio() != null) {
                s.append(", ").append(Html.esc(v.label())).append(' ').append(ratio(r.get().timeRatio()));
            }
        }
        return s.toString();
    }

    /** The section inside a project's detail. */
    static void section(StringBuilder h, CComparison c, int pos) {
        h.append("<section class=\"c2rust\" id=\"").append(anchor(pos)).append("\"><h3>Rust against C (c2rust)</h3>")
                .append("<p class=\"sub\">").append(Html.esc(TIME_RATIO_NOTE)).append("</p><dl class=\"kv\">");
        HtmlReport.kv(h, "C library", c.project() + " " + c.version());
        HtmlReport.kv(h, "c2rust", c.c2rustVersion());
        HtmlReport.kv(h, "rustc", c.rustc());
        HtmlReport.kv(h, "Corpus", c.corpus());
        HtmlReport.kv(h, "Host", c.host());
        h.append("</dl>");
        List<String> workloads = workloads(c);
        if (workloads.isEmpty()) {
            h.append("<p class=\"note\">No workload was measured.</p>");
        }
        for (String workload : workloads) {
            h.append("<h4>").append(Html.esc(workload)).append("</h4>");
            table(h, c, workload);
            String chart = chart(c, workload);
            h.append(chart.isEmpty() ? "<p class=\"note\">No time ratio to chart.</p>"
                    : "<figure>" + chart + "<figcaption class=\"sub\">Time / C per variant, whiskers the 95% CI; "
                    + "the dark line at 1× is C.</figcaption></figure>");
            functions(h, c, workload);
        }
        loops(h, c.loops());
        h.append("<h4>Notes</h4>");
        if (c.notes().isEmpty()) {
            h.append("<p class=\"note\">None.</p>");
        } else {
            h.append("<ul class=\"c2rust-notes\">");
            c.notes().forEach(n -> h.append("<li>").append(Html.esc(n)).append("</li>"));
            h.append("</ul>");
        }
        h.append("</section>");
    }

    private static void table(StringBuilder h, CComparison c, String workload) {
        h.append("<div class=\"scroll\"><table class=\"c2rust-table\" data-workload=\"").append(Html.esc(workload))
                .append("\"><thead><tr><th>Variant</th><th class=\"num\">Runs</th><th class=\"num\">Median</th>")
                .append("<th class=\"num\">CV</th><th class=\"num\">Time / C</th><th class=\"num\">95% CI</th>")
                .append("<th class=\"num\">Instructions</th><th class=\"num\">Instructions / C</th>")
                .append("<th class=\"num\">Branches</th><th class=\"num\">Mispredictions</th><th>Status</th>")
                .append("</tr></thead><tbody>");
        for (CVariant v : ORDER) {
            Optional<Row> found = row(c, workload, v);
            Row r = found.orElse(null);
            if (r == null && STEPS.contains(v)) {
                continue; // a comparison made before the rewrite was measured step by step
            }
            boolean baseline = v == CVariant.C;
            boolean timed = r != null && r.medianSeconds() != null;
            String status = r == null ? NO_ROW : r.status();
            h.append("<tr data-variant=\"").append(v.id()).append('"').append(timed ? "" : " class=\"missing\"")
                    .append("><td title=\"").append(Html.esc(v.description())).append("\">")
                    .append(Html.esc(v.label())).append(baseline ? " <span class=\"sub\">(baseline)</span>" : "")
                    .append("</td>");
            cell(h, r == null || r.runs() == 0 ? null : Integer.toString(r.runs()));
            cell(h, timed ? fixed(r.medianSeconds(), 3) + " s" : null);
            cell(h, r == null || r.cv() == null ? null : fixed(100 * r.cv(), 1) + "%");
            // C against itself is 1 by definition; its paired bootstrap would only restate that.
            cell(h, baseline ? (timed ? ratio(1.0) : null) : r == null ? null : ratio(r.timeRatio()));
            cell(h, baseline || r == null ? null : ci(r));
            cell(h, r == null ? null : count(r.instructions()));
            cell(h, baseline ? (r != null && r.instructions() != null ? ratio(1.0) : null)
                    : r == null ? null : ratio(r.instructionRatio()));
            cell(h, r == null ? null : count(r.branches()));
            cell(h, r == null ? null : count(r.mispredictions()));
            h.append("<td class=\"status\">").append(Html.esc(status)).append("</td></tr>");
        }
        h.append("</tbody></table></div>");
    }

    /** A number cell: the figure, or {@link #MISSING} when there is none. */
    private static void cell(StringBuilder h, String shown) {
        h.append("<td class=\"num\">").append(Html.esc(shown == null || shown.isEmpty() ? MISSING : shown))
                .append("</td>");
    }

    /** One workload's time ratios as bars around C's 1.0, with CI whiskers. */
    static String chart(CComparison c, String workload) {
        List<SpeedupChartSvg.Bar> bars = new ArrayList<>();
        for (CVariant v : ORDER) {
            if (v == CVariant.C) {
                continue; // C is the line at 1.0
            }
            row(c, workload, v).filter(r -> finite(r.timeRatio())).ifPresent(r -> {
                boolean whiskers = finite(r.ciLow()) && finite(r.ciHigh());
                bars.add(new SpeedupChartSvg.Bar(v.label(), r.timeRatio(), whiskers ? r.ciLow() : null,
                        whiskers ? r.ciHigh() : null, color(v),
                        ratio(r.timeRatio()) + (whiskers ? "  [" + fixed(r.ciLow(), 3) + ", " + fixed(r.ciHigh(), 3)
                                + "]" : "")));
            });
        }
        return SpeedupChartSvg.draw("chart vs-c", workload + ": time of each variant divided by the C library's "
                + "(the line at 1.0 is C; above 1 is slower than C)", bars, null);
    }

    private static String color(CVariant v) {
        return switch (v) {
            case A -> "#b45309";
            case B -> "#2563eb";
            case R -> "#d97706";
            case F -> "#60a5fa";
            case B_FLAG -> "#1e40af";
            case D -> "#7c3aed";
            case A_PRIME -> "#94a3b8";
            case RUST_PORT -> "#0891b2";
            case C -> "#0f172a";
        };
    }

    /** Where the instructions go: each variant's most expensive functions, folded away by default. */
    private static void functions(StringBuilder h, CComparison c, String workload) {
        List<Row> rows = ORDER.stream().map(v -> row(c, workload, v)).flatMap(Optional::stream)
                .filter(r -> !r.functions().isEmpty()).toList();
        if (rows.isEmpty()) {
            return;
        }
        h.append("<details class=\"functions\"><summary>Top functions by self cost (callgrind), ")
                .append(Html.esc(workload)).append("</summary><table class=\"c2rust-functions\"><thead><tr>")
                .append("<th>Variant</th><th>Function</th><th class=\"num\">Instructions</th>")
                .append("<th class=\"num\">Branches</th><th class=\"num\">Conditional</th>")
                .append("<th class=\"num\">Indirect</th><th class=\"num\">Mispredictions</th></tr></thead><tbody>");
        for (Row r : rows) {
            for (FunctionCost f : r.functions()) {
                h.append("<tr><td>").append(Html.esc(r.variant().label())).append("</td><td><code>")
                        .append(Html.esc(f.function())).append("</code></td>");
                cell(h, count(f.instructions()));
                cell(h, count(f.branches()));
                cell(h, f.conditionalBranches() < 0 ? null : count(f.conditionalBranches()));
                cell(h, f.indirectBranches() < 0 ? null : count(f.indirectBranches()));
                cell(h, count(f.mispredictions()));
                h.append("</tr>");
            }
        }
        h.append("</tbody></table></details>");
    }

    private static void loops(StringBuilder h, List<LoopRewrite> loops) {
        h.append("<h4>Loops of the translation</h4>");
        if (loops.isEmpty()) {
            h.append("<p class=\"note\">The rewriter found no candidate loop in the translation.</p>");
            return;
        }
        long rewritten = loops.stream().filter(LoopRewrite::rewritten).count();
        h.append("<p>").append(rewritten).append(" of ").append(loops.size())
                .append(" candidate loops rewritten to <code>#[loop_match]</code> in ")
                .append(Html.esc(CVariant.B.label())).append(".</p><div class=\"scroll\"><table class=\"c2rust-loops\">")
                .append("<thead><tr><th>File</th><th class=\"num\">Line</th><th>Function</th><th>Status</th>")
                .append("<th>What the rewriter did</th></tr></thead><tbody>");
        for (LoopRewrite l : loops) {
            h.append("<tr><td>").append(Html.esc(l.file())).append("</td><td class=\"num\">").append(l.line())
                    .append("</td><td><code>").append(Html.esc(l.function())).append("</code></td><td>")
                    .append(loopStatus(l)).append("</td><td>").append(Html.esc(l.reason())).append("</td></tr>");
        }
        h.append("</tbody></table></div>");
    }

    /** rewritten, reverted (the rewriter undid it, and its reason says so), or left alone. */
    static String loopStatus(LoopRewrite l) {
        if (l.rewritten()) {
            return "rewritten";
        }
        return l.reason() != null && l.reason().toLowerCase(Locale.ROOT).startsWith("reverted") ? "reverted"
                : "left alone";
    }

    /** The record's workloads in the order its rows first name them. */
    static List<String> workloads(CComparison c) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        c.rows().forEach(r -> out.add(r.workload()));
        return List.copyOf(out);
    }

    private static Optional<Row> row(CComparison c, String workload, CVariant v) {
        return c.rows().stream().filter(r -> r.variant() == v && workload.equals(r.workload())).findFirst();
    }

    private static String ci(Row r) {
        return finite(r.ciLow()) && finite(r.ciHigh()) ? ratio(r.ciLow()) + " to " + ratio(r.ciHigh()) : "";
    }

    /** {@code 1.362×} with three decimals kept (a ratio to C reads best aligned), empty when missing. */
    private static String ratio(Double v) {
        return finite(v) ? fixed(v, 3) + "×" : "";
    }

    private static String count(Long v) {
        return v == null ? "" : String.format(Locale.ROOT, "%,d", v);
    }

    private static String fixed(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static boolean finite(Double v) {
        return v != null && Double.isFinite(v);
    }
}
