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
            CsvColumn.<ProjectResult>integer("rank", ProjectResult::rank).blankWhen(ProjectResult::isFailed),
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
            CsvColumn.text("verdict", ProjectsCsv::verdict),
            CsvColumn.<ProjectResult>text("evidence", r -> r.measurement().tier() == null ? "" : r.measurement().tier().id())
                    .blankWhen(ProjectResult::isFailed),
            CsvColumn.<ProjectResult>decimal("score", ProjectResult::score, 3).blankWhen(ProjectResult::isFailed),
            CsvColumn.decimal("instructions_ratio", ProjectResult::instructionsRatio, 4),
            CsvColumn.decimal("llvm_flag_instructions_ratio", ProjectResult::llvmFlagInstructionsRatio, 4),
            CsvColumn.text("failed_stage", r -> r.isFailed() ? r.failure().stage() : ""),
            CsvColumn.text("verdict_reason", ProjectResult::verdictReason));

    /** The verdict a failed project is reported with. */
    public static final String FAILED = "failed";

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

    /** {@link #FAILED} for a failed project, else the measurement's verdict (empty when there is none). */
    static String verdict(ProjectResult r) {
        if (r.isFailed()) {
            return FAILED;
        }
        return r.measurement().verdict() == null ? "" : r.measurement().verdict().id();
    }

    /** Results in report order: by rank (0 = unranked, failed projects among them, last), then id. */
    static List<ProjectResult> sorted(List<ProjectResult> results) {
        return results.stream().sorted(Comparator
                .comparingInt((ProjectResult r) -> r.rank() <= 0 ? Integer.MAX_VALUE : r.rank())
                .thenComparing(ProjectResult::id)).toList();
    }
}
