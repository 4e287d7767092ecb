package io.loopscout.report;

import io.loopscout.report.Change.FindingKey;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The cells of a run's projects.csv and findings.csv, keyed by project id and by {@link FindingKey}: what two
 * runs are compared by. This run's snapshot is rendered through the same columns as the CSVs, so a figure is
 * compared as it is written.
 *
 * @param projects project id → column → cell
 * @param findings finding identity → column → cell
 */
public record OutputSnapshot(Map<String, Map<String, String>> projects,
                             Map<FindingKey, Map<String, String>> findings) {

    /** The snapshot of this run's rows. */
    public static OutputSnapshot of(List<ProjectResult> results) {
        List<Map<String, String>> projectRows = new ArrayList<>();
        for (ProjectResult r : ProjectsCsv.sorted(results)) {
            projectRows.add(cells(ProjectsCsv.COLUMNS, r));
        }
        List<Map<String, String>> findingRows = new ArrayList<>();
        for (FindingsCsv.Row row : FindingsCsv.rows(results)) {
            findingRows.add(cells(FindingsCsv.COLUMNS, row));
        }
        return of(projectRows, findingRows);
    }

    /**
     * The snapshot of the outputs in {@code dir}, or empty when it holds no complete set (no projects.csv or
     * findings.csv: a first run).
     */
    public static Optional<OutputSnapshot> read(Path dir) {
        Path projects = dir.resolve(ProjectsCsv.FILE);
        Path findings = dir.resolve(FindingsCsv.FILE);
        if (!Files.isRegularFile(projects) || !Files.isRegularFile(findings)) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(parse(Files.readString(projects, StandardCharsets.UTF_8)),
                    parse(Files.readString(findings, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static OutputSnapshot of(List<Map<String, String>> projectRows, List<Map<String, String>> findingRows) {
        Map<String, Map<String, String>> projects = new LinkedHashMap<>();
        for (Map<String, String> row : projectRows) {
            projects.put(row.getOrDefault("project", ""), row);
        }
        // findings arrive in report order (by file, then line), so the ordinal counts up the file
        Map<FindingKey, Map<String, String>> findings = new TreeMap<>();
        Map<FindingKey, Integer> seen = new HashMap<>();
        for (Map<String, String> row : findingRows) {
            FindingKey first = new FindingKey(row.getOrDefault("project", ""), row.getOrDefault("file", ""),
                    row.getOrDefault("function", ""), row.getOrDefault("pattern", ""), 0);
            int ordinal = seen.merge(first, 1, Integer::sum);
            findings.put(new FindingKey(first.project(), first.file(), first.function(), first.pattern(), ordinal),
                    row);
        }
        return new OutputSnapshot(projects, findings);
    }

    private static <T> Map<String, String> cells(List<CsvColumn<T>> columns, T row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (CsvColumn<T> c : columns) {
            cells.put(c.header(), CsvTable.unguard(c.cell().apply(row)));
        }
        return cells;
    }

    /** Rows of a CSV written by {@link CsvTable}, header → cell, the formula guard taken off. */
    private static List<Map<String, String>> parse(String csv) throws IOException {
        String text = csv.startsWith(CsvTable.BOM) ? csv.substring(1) : csv;
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = new StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    row.put(header.get(i), CsvTable.unguard(record.get(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
