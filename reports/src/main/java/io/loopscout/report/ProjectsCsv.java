package io.loopscout.report;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** projects.csv: one row per project, in rank order (design.md, outputs). */
public final class ProjectsCsv {

    /** The file name in the output folder. */
    public static final String FILE = "projects.csv";

    /** The columns, in order. */
    public static final List<CsvColumn<ProjectResult>> COLUMNS = List.of(
            CsvColumn.integer("rank", ProjectResult::rank),
            CsvColumn.text("project", ProjectResult::id),
            CsvColumn.text("version", ProjectResult::version),
            CsvColumn.text("language", r -> r.spec().language() == null ? "" : r.spec().language().id()),
            CsvColumn.text("source", r -> r.spec().source() == null ? "" : r.spec().source().display()),
            CsvColumn.integer("popularity", ProjectResult::reach),
            CsvColumn.integer("findings", r -> r.findings().size()),
            CsvColumn.integer("eligible", ProjectResult::eligibleCount),
            CsvColumn.decimal("model_speedup", ProjectResult::modelSpeedup, 4),
            CsvColumn.decimal("measured_speedup", ProjectResult::measuredSpeedup, 4),
            CsvColumn.decimal("ci_low", r -> r.measurement().ciLow(), 4),
            CsvColumn.decimal("ci_high", r -> r.measurement().ciHigh(), 4),
            CsvColumn.decimal("llvm_flag_speedup", r -> r.measurement().llvmFlagSpeedup(), 4),
            CsvColumn.decimal("aa_noise", r -> r.measurement().aaNoise(), 4),
            CsvColumn.text("verdict", r -> r.measurement().verdict() == null ? "" : r.measurement().verdict().id()),
            CsvColumn.text("evidence", r -> r.measurement().tier() == null ? "" : r.measurement().tier().id()),
            CsvColumn.decimal("score", ProjectResult::score, 3));

    private ProjectsCsv() {
    }

    /** The CSV text: rows sorted by rank, then id (unranked results, rank 0, come last). */
    public static String render(List<ProjectResult> results) {
        return CsvTable.render(COLUMNS, sorted(results));
    }

    /** Writes projects.csv into {@code outDir}. */
    public static Path write(Path outDir, List<ProjectResult> results) {
        return CsvTable.write(outDir, FILE, render(results));
    }

    /** Results in report order: by rank (0 = unranked last), then id. */
    static List<ProjectResult> sorted(List<ProjectResult> results) {
        return results.stream().sorted(Comparator
                .comparingInt((ProjectResult r) -> r.rank() <= 0 ? Integer.MAX_VALUE : r.rank())
                .thenComparing(ProjectResult::id)).toList();
    }
}
