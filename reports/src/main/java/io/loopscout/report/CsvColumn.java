package io.loopscout.report;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One CSV column: its header and how a row renders its cell, so that header and cell are defined in one place
 * and a column is added with one line. The factories fix the cell's kind (guarded text, integer, decimal, boolean).
 *
 * @param header the header cell
 * @param cell   the rendered cell of a row
 * @param <T>    the row type
 */
public record CsvColumn<T>(String header, Function<T, String> cell) {

    public CsvColumn {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(cell, "cell");
    }

    /** A text column, formula-guarded by {@link CsvTable#text}. */
    public static <T> CsvColumn<T> text(String header, Function<T, String> value) {
        return new CsvColumn<>(header, row -> CsvTable.text(value.apply(row)));
    }

    /** An integer column. */
    public static <T> CsvColumn<T> integer(String header, ToLongFunction<T> value) {
        return new CsvColumn<>(header, row -> CsvTable.number(value.applyAsLong(row)));
    }

    /** A decimal column rounded to {@code scale} places; null is an empty cell. */
    public static <T> CsvColumn<T> decimal(String header, Function<T, Double> value, int scale) {
        return new CsvColumn<>(header, row -> CsvTable.number(value.apply(row), scale));
    }

    /** A {@code true}/{@code false} column; null is an empty cell. */
    public static <T> CsvColumn<T> bool(String header, Function<T, Boolean> value) {
        return new CsvColumn<>(header, row -> CsvTable.bool(value.apply(row)));
    }

    /** A column whose cell is empty where {@code blank} holds (e.g. a failed project has no rank). */
    public CsvColumn<T> blankWhen(Predicate<T> blank) {
        return new CsvColumn<>(header, row -> blank.test(row) ? "" : cell.apply(row));
    }

    /** The headers of {@code columns}, in order. */
    public static <T> List<String> headers(List<CsvColumn<T>> columns) {
        return columns.stream().map(CsvColumn::header).toList();
    }
}
