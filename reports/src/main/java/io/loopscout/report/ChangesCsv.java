package io.loopscout.report;

import java.nio.file.Path;
import java.util.List;

/** changes.csv: one row per change since the baseline run (new, gone, or one changed figure). */
public final class ChangesCsv {

    /** The columns, in order. */
    public static final List<CsvColumn<Change>> COLUMNS = List.of(
            CsvColumn.text("change", c -> c.kind().id()),
            CsvColumn.text("subject", c -> c.subject().id()),
            CsvColumn.text("project", Change::project),
            CsvColumn.text("file", c -> c.finding().file()),
            CsvColumn.text("function", c -> c.finding().function()),
            CsvColumn.text("pattern", c -> c.finding().pattern()),
            CsvColumn.<Change>integer("ordinal", c -> c.finding().ordinal()).blankWhen(c -> c.finding().ordinal() == 0),
            CsvColumn.<Change>integer("line", Change::line).blankWhen(c -> c.line() == 0),
            CsvColumn.text("field", Change::field),
            CsvColumn.text("before", Change::before),
            CsvColumn.text("after", Change::after));

    private ChangesCsv() {
    }

    /** The CSV text. */
    public static String render(Changes changes) {
        return CsvTable.render(COLUMNS, changes.changes());
    }

    /** Writes changes.csv into {@code outDir}. */
    public static Path write(Path outDir, Changes changes) {
        return CsvTable.write(outDir, Changes.FILE, render(changes));
    }
}
