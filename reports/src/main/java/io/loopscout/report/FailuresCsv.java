package io.loopscout.report;

import io.loopscout.core.Failure;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** failures.csv: one row per failure, sorted so that the same failures give the same bytes. */
public final class FailuresCsv {

    /** The file name in the output folder. */
    public static final String FILE = "failures.csv";

    /** The columns, in order. */
    public static final List<CsvColumn<Failure>> COLUMNS = List.of(
            CsvColumn.text("project", Failure::project),
            CsvColumn.text("stage", Failure::stage),
            CsvColumn.text("class", f -> f.failureClass().id()),
            CsvColumn.text("message", Failure::message));

    /** The report order: project, stage, class, message. */
    public static final Comparator<Failure> ORDER = Comparator.comparing(Failure::project)
            .thenComparing(Failure::stage)
            .thenComparing(f -> f.failureClass().id())
            .thenComparing(Failure::message);

    private FailuresCsv() {
    }

    /** The CSV text. */
    public static String render(List<Failure> failures) {
        return CsvTable.render(COLUMNS, failures.stream().sorted(ORDER).toList());
    }

    /** Writes failures.csv into {@code outDir}. */
    public static Path write(Path outDir, List<Failure> failures) {
        return CsvTable.write(outDir, FILE, render(failures));
    }
}
