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

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("project", "version", "language", "file", "start_line",
            "end_line", "function", "pattern", "states", "const_transitions", "dynamic_transitions",
            "fallthroughs", "exits", "state_type", "eligible", "reason", "parse_errors", "model_speedup",
            "permalink", "rewrite");

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
        List<List<String>> rows = new ArrayList<>();
        for (ProjectResult r : ProjectsCsv.sorted(results)) {
            r.findings().stream().sorted(ORDER).forEach(f -> rows.add(row(r, f)));
        }
        return CsvTable.render(COLUMNS, rows);
    }

    /** Writes findings.csv into {@code outDir}. */
    public static Path write(Path outDir, List<ProjectResult> results) {
        return CsvTable.write(outDir, FILE, render(results));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<String> row(ProjectResult r, Finding f) {
        return List.of(
                CsvTable.text(r.id()),
                CsvTable.text(r.version()),
                CsvTable.text(f.language() == null ? "" : f.language().id()),
                CsvTable.text(f.file()),
                CsvTable.number(f.startLine()),
                CsvTable.number(f.endLine()),
                CsvTable.text(f.function()),
                CsvTable.text(f.pattern() == null ? "" : f.pattern().id()),
                CsvTable.number(f.states()),
                CsvTable.number(f.constTransitions()),
                CsvTable.number(f.dynamicTransitions()),
                CsvTable.number(f.fallthroughs()),
                CsvTable.number(f.exits()),
                CsvTable.text(f.stateType()),
                CsvTable.bool(f.eligible()),
                CsvTable.text(f.reason()),
                CsvTable.number(f.parseErrors()),
                CsvTable.number(f.modelSpeedup(), 4),
                CsvTable.text(Permalinks.of(r.spec(), r.version(), f)),
                CsvTable.text(f.rewrite() == null ? "" : f.rewrite().cell()));
    }
}
