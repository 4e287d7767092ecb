package io.loopscout.report;

import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's speed-ups as an inline SVG bar chart around 1.0×: the {@code #[loop_match]} variant with its 95% CI
 * as whiskers, the A/A′ noise floor beside it (also shaded across the chart), the LLVM-flag variant, and the
 * model kernel's upper bound. Bars grow right for faster, left for slower.
 */
public final class SpeedupChartSvg {

    private static final double WIDTH = 640;
    private static final double LABEL_W = 200;
    private static final double ROW_H = 30;
    private static final double TOP = 10;
    private static final double AXIS_H = 26;

    /** A generous width of one character of the 12 px value text (digits and brackets are narrower). */
    static final double TEXT_CHAR_W = 7.5;

    private SpeedupChartSvg() {
    }

    /** One bar: a label, a value, optional whiskers, its colour and the text written after it (all escaped here). */
    record Bar(String label, double value, Double low, Double high, String color, String text) {
    }

    /** The chart, or empty when the project has no speed-up at all. */
    public static String render(ProjectResult r) {
        Measurement m = r.measurement();
        List<Bar> bars = new ArrayList<>();
        Double aa = finite(m.aaNoise());
        if (finite(m.speedup()) != null) {
            String name = m.tier() == EvidenceTier.MODEL ? "#[loop_match], model kernel" : "#[loop_match] (A/B)";
            bars.add(new Bar(name, m.speedup(), finite(m.ciLow()), finite(m.ciHigh()), "#2563eb",
                    x(m.speedup()) + (finite(m.ciLow()) != null && finite(m.ciHigh()) != null
                            ? "  [" + x(m.ciLow()) + ", " + x(m.ciHigh()) + "]" : "")));
        }
        if (aa != null) {
            bars.add(new Bar("A/A′ noise floor", 1 + Math.abs(aa), null, null, "#94a3b8",
                    "±" + CsvTable.number(100 * Math.abs(aa), 2) + "%"));
        }
        if (finite(m.llvmFlagSpeedup()) != null) {
            bars.add(new Bar("LLVM dfa-jump-thread (A/D)", m.llvmFlagSpeedup(), null, null, "#7c3aed",
                    x(m.llvmFlagSpeedup())));
        }
        Double model = finite(r.modelSpeedup());
        if (model != null && m.tier() != EvidenceTier.MODEL) {
            bars.add(new Bar("model kernel (upper bound)", model, null, null, "#0891b2", x(model)));
        }
        return draw("chart", "Speed-ups (time of A divided by time of the variant; above 1 is faster)", bars, aa);
    }

    /**
     * Horizontal bars around 1.0 (the reference line), each with optional CI whiskers; {@code band}, when not
     * null, shades 1 ± band as a noise floor. Empty when there are no bars.
     *
     * @param cssClass the svg element's class attribute
     * @param title    the picture's accessible title
     */
    static String draw(String cssClass, String title, List<Bar> bars, Double band) {
        Double aa = finite(band);
        if (bars.isEmpty()) {
            return "";
        }
        double lo = 0.9;
        double hi = 1.1;
        for (Bar b : bars) {
            lo = Math.min(lo, Math.min(b.value(), b.low() == null ? b.value() : b.low()));
            hi = Math.max(hi, Math.max(b.value(), b.high() == null ? b.value() : b.high()));
        }
        lo = Math.max(0.5, lo - 0.02); // a nonsense value (≤ 0.5×) is clamped; its label still says it
        hi = Math.min(2.5, hi + 0.02);
        double plotW = WIDTH - LABEL_W - 150;
        // the value text after the bars gets the room it needs, so "[0.887×, 1.22×]" is never clipped
        double textW = Math.max(150, bars.stream().mapToInt(b -> b.text().codePointCount(0, b.text().length()))
                .max().orElse(0) * TEXT_CHAR_W + 16);
        double width = LABEL_W + plotW + textW;
        double finalLo = lo;
        double finalHi = hi;
        java.util.function.DoubleUnaryOperator sx = v -> LABEL_W
                + (Math.max(finalLo, Math.min(finalHi, v)) - finalLo) / (finalHi - finalLo) * plotW;
        double height = TOP + bars.size() * ROW_H + AXIS_H;

        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"").append(Html.esc(cssClass))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(fmt(width)).append("\" height=\"").append(fmt(height)).append("\" viewBox=\"0 0 ")
                .append(fmt(width)).append(' ').append(fmt(height))
                .append("\"><title>").append(Html.esc(title)).append("</title>");
        double plotTop = TOP;
        double plotBottom = TOP + bars.size() * ROW_H;
        if (aa != null) {
            double a = Math.abs(aa);
            sb.append("<rect x=\"").append(fmt(sx.applyAsDouble(1 - a))).append("\" y=\"").append(fmt(plotTop))
                    .append("\" width=\"").append(fmt(sx.applyAsDouble(1 + a) - sx.applyAsDouble(1 - a)))
                    .append("\" height=\"").append(fmt(plotBottom - plotTop))
                    .append("\" fill=\"#e2e8f0\"><title>A/A′ noise band</title></rect>");
        }
        for (double t : ticks(lo, hi)) {
            double px = sx.applyAsDouble(t);
            sb.append("<line x1=\"").append(fmt(px)).append("\" y1=\"").append(fmt(plotTop)).append("\" x2=\"")
                    .append(fmt(px)).append("\" y2=\"").append(fmt(plotBottom + 4)).append("\" stroke=\"")
                    .append(t == 1.0 ? "#0f172a" : "#cbd5e1").append("\"/><text x=\"").append(fmt(px))
                    .append("\" y=\"").append(fmt(plotBottom + 18)).append("\" text-anchor=\"middle\" font-size=\"11\">")
                    .append(CsvTable.number(t, 2)).append("×</text>");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + i * ROW_H;
            double x1 = sx.applyAsDouble(Math.min(1, b.value()));
            double x2 = sx.applyAsDouble(Math.max(1, b.value()));
            sb.append("<text x=\"").append(fmt(LABEL_W - 8)).append("\" y=\"").append(fmt(y + 19))
                    .append("\" text-anchor=\"end\" font-size=\"12\">").append(Html.esc(b.label())).append("</text>");
            sb.append("<rect x=\"").append(fmt(x1)).append("\" y=\"").append(fmt(y + 6)).append("\" width=\"")
                    .append(fmt(Math.max(1, x2 - x1))).append("\" height=\"").append(fmt(ROW_H - 12))
                    .append("\" fill=\"").append(b.color()).append("\"><title>").append(Html.esc(b.text()))
                    .append("</title></rect>");
            if (b.low() != null && b.high() != null) {
                double wl = sx.applyAsDouble(b.low());
                double wh = sx.applyAsDouble(b.high());
                double my = y + ROW_H / 2;
                sb.append("<path class=\"ci\" d=\"M").append(fmt(wl)).append(',').append(fmt(my)).append(" H")
                        .append(fmt(wh)).append(" M").append(fmt(wl)).append(',').append(fmt(my - 7)).append(" V")
                        .append(fmt(my + 7)).append(" M").append(fmt(wh)).append(',').append(fmt(my - 7))
                        .append(" V").append(fmt(my + 7)).append("\" stroke=\"#0f172a\" stroke-width=\"1.5\" fill=\"none\">")
                        .append("<title>95% CI</title></path>");
            }
            sb.append("<text x=\"").append(fmt(LABEL_W + plotW + 8)).append("\" y=\"").append(fmt(y + 19))
                    .append("\" font-size=\"12\">").append(Html.esc(b.text())).append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    /** About five round tick values between lo and hi, always including 1.0. */
    private static List<Double> ticks(double lo, double hi) {
        double span = hi - lo;
        double step = span > 1 ? 0.25 : span > 0.4 ? 0.1 : span > 0.2 ? 0.05 : 0.02;
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step); k * step <= hi + 1e-9; k++) {
            out.add(Math.round(k * step * 1000) / 1000.0);
        }
        if (!out.contains(1.0)) {
            out.add(1.0);
        }
        return out;
    }

    private static Double finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    private static String x(double v) {
        return CsvTable.number(v, 3) + "×";
    }

    private static String fmt(double v) {
        return StateGraphSvg.fmt(v);
    }
}
