package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * changes.csv between two real output sets: the baseline is written to disk by {@link Reports#writeAll} and read
 * back, as the next run reads the previous one.
 */
class ChangesTest {

    private static List<ProjectResult> ranked(List<ProjectResult> results) {
        List<ProjectResult> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            out.add(results.get(i).withScore(10 - i, i + 1));
        }
        return out;
    }

    /** The baseline: the fixtures as they are. */
    private static List<ProjectResult> before() {
        return ranked(ResultFixtures.all());
    }

    /**
     * This run: zlib-rs's findings moved 7 lines down (not a change) and its window loop gained a state; zlib's
     * computed goto is gone and a second switch loop in inflate appeared; the hostile project now has a version.
     */
    private static List<ProjectResult> after() {
        List<ProjectResult> out = new ArrayList<>();
        for (ProjectResult r : ResultFixtures.all()) {
            List<Finding> findings = new ArrayList<>();
            for (Finding f : r.findings()) {
                if (r.id().equals("zlib-rs")) {
                    Finding.Builder b = f.toBuilder().startLine(f.startLine() + 7).endLine(f.endLine() + 7);
                    findings.add(f.file().equals("src/window.rs") ? b.states(4).build() : b.build());
                } else if (r.id().equals("zlib") && f.pattern() == Pattern.C_COMPUTED_GOTO) {
                    findings.add(f.toBuilder().pattern(Pattern.C_SWITCH_STATE_LOOP).file("inflate.c").function("inflate")
                            .startLine(1400).endLine(1500).build());
                } else {
                    findings.add(f);
                }
            }
            out.add(new ProjectResult(r.spec(), r.id().equals(ResultFixtures.HOSTILE_ID) ? "-2 new" : r.version(),
                    findings, r.measurement(), r.patch(), 0, 0, r.cComparison(), null));
        }
        return ranked(out);
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void newGoneAndChangedFindingsAndProjectFigures(@TempDir Path dir) throws IOException {
        Path previous = dir.resolve("previous");
        Reports.writeAll(previous, before(), ResultFixtures.failures(), ResultFixtures.runInfo(), "f", Changes.none());
        Changes changes = Changes.since(previous, after());
        List<CSVRecord> rows = rows(ChangesCsv.render(changes));
        assertEquals(List.of("change", "subject", "project", "file", "function", "pattern", "ordinal", "line",
                "field", "before", "after"), rows.get(0).toList());
        List<List<String>> body = rows.subList(1, rows.size()).stream().map(CSVRecord::toList).toList();
        assertTrue(body.contains(List.of("changed", "project", ResultFixtures.HOSTILE_ID, "", "", "", "", "",
                "version", "'-1 </script>", "'-2 new")), "a text figure keeps its guard in the CSV: " + body);
        assertTrue(body.contains(List.of("gone", "finding", "zlib", "contrib/vm.c", "run", "c/computed-goto", "1",
                "5", "", "", "")), body.toString());
        assertTrue(body.contains(List.of("new", "finding", "zlib", "inflate.c", "inflate", "c/switch-state-loop",
                "2", "1400", "", "", "")), "the second loop of the same function and pattern: " + body);
        assertTrue(body.contains(List.of("changed", "finding", "zlib-rs", "src/window.rs", "Window::fill",
                "rust/state-loop", "1", "17", "states", "3", "4")), "moved 7 lines and one more state: " + body);
        assertEquals(1, body.stream().filter(r -> r.get(2).equals("zlib-rs")).count(),
                "the moved inflate loop is the same finding, unchanged: " + body);
        assertEquals(0, body.stream().filter(r -> r.get(2).equals(ResultFixtures.FORMULA_ID)
                || r.get(2).equals("'" + ResultFixtures.FORMULA_ID)).count(), "a guarded id reads back as itself");
        assertEquals(1, changes.count(Change.Kind.NEW, Change.Subject.FINDING));
        assertEquals(1, changes.count(Change.Kind.GONE, Change.Subject.FINDING));
    }

    @Test
    void theSameRunTwiceHasNoChangesAndAFirstRunHasNoBaseline(@TempDir Path dir) {
        Path previous = dir.resolve("previous");
        assertEquals(Changes.none(), Changes.since(previous, before()), "nothing there yet");
        Reports.writeAll(previous, before(), ResultFixtures.failures(), ResultFixtures.runInfo(), "f", Changes.none());
        Changes same = Changes.since(previous, before());
        assertEquals(previous, same.baseline());
        assertEquals(List.of(), same.changes());
    }

    @Test
    void theReportOpensWithTheChanges(@TempDir Path dir) {
        Path previous = dir.resolve("previous");
        Reports.writeAll(previous, before(), ResultFixtures.failures(), ResultFixtures.runInfo(), "f", Changes.none());
        String html = HtmlReport.render(after(), ResultFixtures.failures(), ResultFixtures.runInfo(), "f",
                Changes.since(previous, after()));
        int changes = html.indexOf("<section id=\"changes\">");
        assertTrue(changes > 0 && changes < html.indexOf("<section id=\"summary\">"), "Changes come first");
        assertTrue(html.contains("findings 1 new, 1 gone, 1 changed figures; projects 0 new, 0 gone, "), html);
        assertTrue(html.contains("<td>-2 new</td>"), "cells shown without the CSV guard");
        String first = HtmlReport.render(before(), List.of(), ResultFixtures.runInfo(), "f", Changes.none());
        assertTrue(first.contains("No baseline: the first run into this output folder"));
    }

    @Test
    void ownOutputsAreReadBackAsWritten(@TempDir Path dir) throws IOException {
        Reports.writeAll(dir.resolve("o"), before(), List.of(), ResultFixtures.runInfo(), "f", Changes.none());
        assertTrue(Files.readString(dir.resolve("o").resolve(Changes.FILE)).startsWith(CsvTable.BOM + "change,"));
        OutputSnapshot read = OutputSnapshot.read(dir.resolve("o")).orElseThrow();
        assertEquals(OutputSnapshot.of(before()), read);
    }
}
