package io.loopscout.report;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** projects.csv: one row per project, in rank order (design.md, outputs). */
public final class ProjectsCsv {

    /** The file name in the output folder. */
    public static final String FILE = "projects.csv";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("rank", "project", "version", "language", "source",
            "popularity", "findings", "eligible", "model_speedup", "measured_speedup", "ci_low", "ci_high",
            "llvm_flag_speedup", "aa_noise", "verdict", "evidence", "score", "verdict_reason");

    private ProjectsCsv() {
    }

    /** The CSV text: rows sorted by rank, then id (unranked results, rank 0, come last). */
    public static String render(List<ProjectResult> results) {
        return CsvTable.render(COLUMNS, sorted(results).stream().map(ProjectsCsv::row).toList());
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

    private static List<String> row(ProjectResult r) {
        var m = r.measurement();
        return List.of(
                CsvTable.number(r.rank()),
                CsvTable.text(r.id()),
                CsvTable.text(r.version()),
                CsvTable.text(r.spec().language() == null ? "" : r.spec().language().id()),
                CsvTable.text(r.spec().source() == null ? "" : r.spec().source().display()),
                CsvTable.number(r.reach()),
                CsvTable.number(r.findings().size()),
                CsvTable.number(r.eligibleCount()),
                CsvTable.number(r.modelSpeedup(), 4),
                CsvTable.number(r.measuredSpeedup(), 4),
                CsvTable.number(m.ciLow(), 4),
                CsvTable.number(m.ciHigh(), 4),
                CsvTable.number(m.llvmFlagSpeedup(), 4),
                CsvTable.number(m.aaNoise(), 4),
                CsvTable.text(m.verdict() == null ? "" : m.verdict().id()),
                CsvTable.text(m.tier() == null ? "" : m.tier().id()),
                CsvTable.number(r.score(), 3),
                CsvTable.text(m.instability() == null ? "" : m.instability().text()));
    }
}
