package io.loopscout.report;

import io.loopscout.core.FormulaGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV with a UTF-8 BOM and a header row, safe to open in a spreadsheet: the shared writer of the three CSV reports.
 * Cells arrive already rendered: text through {@link #text}, numbers through {@link #number}, so a column is
 * either always text or always a plain number.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").build();

    private CsvTable() {
    }

    /**
     * The CSV text of {@code rows} under {@code columns}, each column rendering its header and its cells
     * (CRLF line ends, quoted only where RFC 4180 needs it).
     */
    public static <T> String render(List<CsvColumn<T>> columns, List<T> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(CsvColumn.headers(columns));
            for (T row : rows) {
                for (CsvColumn<T> column : columns) {
                    printer.print(column.cell().apply(row));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /** The UTF-8 byte order mark: spreadsheets (Excel, LibreOffice's import dialog) take the encoding from it. */
    public static final String BOM = "\uFEFF";

    /** Writes {@code csv} as UTF-8 with a {@link #BOM} to {@code outDir/name}, creating the folder. */
    public static Path write(Path outDir, String name, String csv) {
        return OutputFile.write(outDir, name, BOM + csv);
    }

    /** A text cell that a spreadsheet will not run as a formula ({@link FormulaGuard}); null becomes empty. */
    public static String text(String value) {
        return FormulaGuard.guard(value);
    }

    /** A cell's value without the formula guard {@link #text} may have added (the inverse of the guard). */
    public static String unguard(String cell) {
        return FormulaGuard.unguard(cell);
    }

    /** A plain decimal number (no exponent, no trailing zeros) rounded to {@code scale} places; null → empty. */
    public static String number(Double value, int scale) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    /** An integer cell. */
    public static String number(long value) {
        return Long.toString(value);
    }

    /** {@code true}, {@code false}, or empty for null. */
    public static String bool(Boolean value) {
        return value == null ? "" : value.toString();
    }
}
