package io.loopscout.report;

import io.loopscout.extract.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** findings.csv: one row per finding, projects in rank order, then by file, line and pattern. */
public final class FindingsCsv {

    /** The file name in the output folder. */
    public static final String FILE = "findings.csv";

    /** A row: one finding of one project. */
    public record Row(ProjectResult project, Finding finding) {
    }

    /** The columns, in order. */
    public static final List<CsvColumn<Row>> COLUMNS = List.of(
            CsvColumn.text("project", r -> r.project().id()),
            CsvColumn.text("version", r -> r.project().version()),
            CsvColumn.text("language", r -> r.finding().language() == null ? "" : r.finding().language().id()),
            CsvColumn.text("file", r -> r.finding().file()),
            CsvColumn.integer("start_line", r -> r.finding().startLine()),
            CsvColumn.integer("end_line", r -> r.finding().endLine()),
            CsvColumn.text("function", r -> r.finding().function()),
            CsvColumn.text("pattern", r -> r.finding().pattern() == null ? "" : r.finding().pattern().id()),
            CsvColumn.integer("states", r -> r.finding().states()),
            CsvColumn.integer("const_transitions", r -> r.finding().constTransitions()),
            CsvColumn.integer("dynamic_transitions", r -> r.finding().dynamicTransitions()),
            CsvColumn.integer("fallthroughs", r -> r.finding().fallthroughs()),
            CsvColumn.integer("exits", r -> r.finding().exits()),
            CsvColumn.text("state_type", r -> r.finding().stateType()),
            CsvColumn.bool("eligible", r -> r.finding().eligible()),
            CsvColumn.text("reason", r -> r.finding().reason()),
            CsvColumn.integer("parse_errors", r -> r.finding().parseErrors()),
            CsvColumn.decimal("model_speedup", r -> r.finding().modelSpeedup(), 4),
            CsvColumn.text("permalink", r -> Permalinks.of(r.project().spec(), r.project().version(), r.finding())),
            CsvColumn.text("rewrite", r -> r.finding().rewrite() == null ? "" : r.finding().rewrite().cell()),
            // a step machine's driver loop: where the step would be inlined (empty for every other pattern)
            CsvColumn.text("driver_function", r -> r.finding().driverFunction()),
            CsvColumn.<Row>integer("driver_line", r -> r.finding().driverLine())
                    .blankWhen(r -> r.finding().driverFunction() == null));

    /** The order of findings inside one project; total up to identical findings, so output never hangs on input order. */
    static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> nz(f.file()))
            .thenComparingInt(Finding::startLine)
            .thenComparingInt(Finding::endLine)
            .thenComparing(f -> f.pattern() == null ? "" : f.pattern().id())
            .thenComparing(f -> nz(f.function()))
            .thenComparing(f -> nz(f.stateVariable()))
            .thenComparing(f -> nz(f.snippet()));

    private FindingsCsv() {
    }

    /** The CSV text. */
    public static String render(List<ProjectResult> results) {
        return CsvTable.render(COLUMNS, rows(results));
    }

    /** Writes findings.csv into {@code outDir}. */
    public static Path write(Path outDir, List<ProjectResult> results) {
        return CsvTable.write(outDir, FILE, render(results));
    }

    /** The rows in report order: projects in rank order, each one's findings in {@link #ORDER}. */
    static List<Row> rows(List<ProjectResult> results) {
        List<Row> rows = new ArrayList<>();
        for (ProjectResult r : ProjectsCsv.sorted(results)) {
            r.findings().stream().sorted(ORDER).forEach(f -> rows.add(new Row(r, f)));
        }
        return rows;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
