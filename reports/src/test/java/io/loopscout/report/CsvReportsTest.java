package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.runner.Decision;
import io.loopscout.runner.Instability;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.protocol.Timing;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportsTest {

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    private static List<ProjectResult> ranked() {
        return ResultFixtures.ranked();
    }

    @Test
    void projectsCsvHasTheDesignColumnsInOrder() throws IOException {
        List<CSVRecord> rows = parse(ProjectsCsv.render(ranked()));
        assertEquals("rank,project,version,language,source,popularity,findings,eligible,model_speedup,"
                + "measured_speedup,ci_low,ci_high,llvm_flag_speedup,aa_noise,verdict,evidence,score,instructions_ratio,"
                + "llvm_flag_instructions_ratio,failed_stage,verdict_reason",
                String.join(",", rows.get(0).toList()));
        assertEquals(5, rows.size());
        assertEquals(List.of("1", "zlib-rs", "0.5.2", "rust", "crate:zlib-rs@0.5.2", "12345678", "2", "1",
                "1.21", "1.12", "1.08", "1.16", "1.03", "0.004", "improved", "project", "10", "0.92", "", "", ""),
                rows.get(1).toList());
        // 6000 stars count as 6,000,000 downloads of reach; a static project has empty measurement cells
        assertEquals(List.of("2", "zlib", "51b7f2abdade71cd9bb0e7a373ef2610ec6f9daf", "c",
                "git:https://github.com/madler/zlib.git@v1.3.1", "6000000", "2", "0", "", "", "", "", "", "",
                "not-measured", "static", "9", "", "", "", ""), rows.get(2).toList());
    }

    @Test
    void aFailedProjectHasARowWithVerdictFailedAndItsStage() throws IOException {
        List<ProjectResult> rows = new ArrayList<>(ranked());
        rows.add(ResultFixtures.failedCrate());
        List<CSVRecord> records = parse(ProjectsCsv.render(rows));
        assertEquals("failed_stage", records.get(0).get(19));
        CSVRecord failed = records.get(records.size() - 1);
        assertEquals(List.of("", "no-such-crate", "", "rust", "crate:no-such-crate@9.9.9", "0", "0", "0", "", "",
                "", "", "", "", "failed", "", "", "", "", "acquire", ""), failed.toList());
        assertEquals("", records.get(1).get(19), "a project that went through has no failed stage");
    }

    @Test
    void anUnstableVerdictCarriesItsReason() throws IOException {
        ProjectResult z = ResultFixtures.zlibRs();
        Measurement m = z.measurement();
        Decision d = new Decision(Decision.Stop.TIME_BUDGET, 48, 0, 0.031, 0.006, 120, Timing.Clock.CPU,
                new Instability(Instability.Kind.HIGH_CV, "A'", 0.124, 0.10, ""));
        Measurement unstable = new Measurement(m.tier(), m.speedup(), m.ciLow(), m.ciHigh(), m.llvmFlagSpeedup(),
                m.aaNoise(), Verdict.UNSTABLE, m.pValue(), m.variants(), m.note(), d);
        ProjectResult r = ProjectResult.of(z.spec(), z.version(), z.findings(), unstable, null).withScore(1, 1);
        CSVRecord row = parse(ProjectsCsv.render(List.of(r))).get(1);
        assertEquals("unstable", row.get(14));
        assertEquals("high-cv: cv 12.4% of A' (max 10.0%)", row.get(20));
        assertTrue(HtmlReport.render(List.of(r), List.of(), ResultFixtures.runInfo(), "f").contains("title=\"high-cv: cv 12.4% of A&#39; (max 10.0%)\""),
                "the HTML verdict cell names the reason");
    }

    @Test
    void textCellsThatLookLikeFormulasArePrefixedAndNumbersAreNot() throws IOException {
        String csv = ProjectsCsv.render(ranked());
        CSVRecord formula = parse(csv).get(4);
        assertEquals("'" + ResultFixtures.FORMULA_ID, formula.get(1));
        assertEquals("'+1", formula.get(2));
        assertEquals("path:/srv/@evil", formula.get(4)); // '@' only matters at the start
        assertEquals("0", formula.get(5)); // negative downloads are no reach

        String findings = FindingsCsv.render(ranked());
        assertTrue(findings.contains(",-3.2,"), "a negative speed-up stays a bare number: " + findings);
        CSVRecord hostile = parse(findings).stream().filter(r -> r.get(0).equals(ResultFixtures.HOSTILE_ID))
                .findFirst().orElseThrow();
        assertEquals("'-1 </script>", hostile.get(1));
        assertEquals("-3.2", hostile.get(17));
    }

    @Test
    void findingsCsvKeepsOddPathsAndBuildsPermalinks() throws IOException {
        List<CSVRecord> rows = parse(FindingsCsv.render(ranked()));
        assertEquals("project,version,language,file,start_line,end_line,function,pattern,states,"
                + "const_transitions,dynamic_transitions,fallthroughs,exits,state_type,eligible,reason,"
                + "parse_errors,model_speedup,permalink,rewrite,driver_function,driver_line",
                String.join(",", rows.get(0).toList()));
        assertEquals(6, rows.size());
        // projects in rank order, findings by file then line
        assertEquals(List.of("zlib-rs", "0.5.2", "rust", "src/inflate.rs", "120", "134", "Inflate::run",
                "rust/field-state-loop", "4", "4", "1", "0", "1", "enum", "true", "", "0", "1.21",
                "https://docs.rs/crate/zlib-rs/0.5.2/source/src/inflate.rs#L120-L134", "rewritten", "", ""),
                rows.get(1).toList());
        assertEquals("src/window.rs", rows.get(2).get(3));
        assertEquals("unknown-state-type", rows.get(2).get(15));
        assertEquals("reverted: loop_match: error[E0507]: cannot move out of `st` <b>", rows.get(2).get(19));
        assertEquals("", rows.get(3).get(19)); // no rewrite ran: no outcome
        assertEquals("contrib/vm.c", rows.get(3).get(3));
        assertEquals("https://github.com/madler/zlib/blob/51b7f2abdade71cd9bb0e7a373ef2610ec6f9daf/inflate.c"
                + "#L640-L1290", rows.get(4).get(18));
        assertEquals("", rows.get(4).get(14)); // C findings have no eligibility
        assertEquals(ResultFixtures.ODD_FILE, rows.get(5).get(3));
        assertEquals("", rows.get(5).get(18)); // a local path has no permalink
    }

    @Test
    void findingsCsvCarriesAStepMachinesDriverLoop() throws IOException {
        ProjectResult r = ResultFixtures.zlibRs();
        Finding step = r.findings().get(0).toBuilder().pattern(Pattern.RUST_STEP_MACHINE).function("next_state")
                .eligible(false).reason("step-function").driverFunction("update").driverLine(650).build();
        ProjectResult withStep = new ProjectResult(r.spec(), r.version(), List.of(step), r.measurement(),
                r.patch(), 1, 1, r.cComparison(), null);
        List<CSVRecord> rows = parse(FindingsCsv.render(List.of(withStep)));
        assertEquals(List.of("update", "650"), rows.get(1).toList().subList(20, 22));
    }

    @Test
    void permalinksForGitlabSubdirsAndUnlinkableSources() {
        Finding f = Finding.builder().file("src/a b#c.rs").startLine(3).endLine(7)
                .pattern(Pattern.RUST_STATE_LOOP).build();
        ProjectSpec gitlab = new ProjectSpec("x", Language.RUST,
                new SourceSpec.Git("https://gitlab.com/group/proj/", null), Popularity.none(), "crates/core",
                null, null, 1);
        assertEquals("https://gitlab.com/group/proj/-/blob/abc123/crates/core/src/a%20b%23c.rs#L3-7",
                Permalinks.of(gitlab, "abc123", f));
        assertEquals("", Permalinks.of(gitlab, "", f), "no revision, no permalink");
        ProjectSpec ssh = new ProjectSpec("x", Language.RUST, new SourceSpec.Git("git@github.com:o/r.git", "v1"),
                Popularity.none(), null, null, null, 1);
        assertEquals("", Permalinks.of(ssh, "abc", f));
        ProjectSpec codeberg = new ProjectSpec("x", Language.RUST,
                new SourceSpec.Git("https://codeberg.org/o/r", "v1"), Popularity.none(), null, null, null, 1);
        assertEquals("", Permalinks.of(codeberg, "abc", f));
        ProjectSpec crate = new ProjectSpec("x", Language.RUST, new SourceSpec.Crate("miniz_oxide", "0.8.0"),
                Popularity.none(), null, null, null, 1);
        assertEquals("https://docs.rs/crate/miniz_oxide/0.8.0/source/src/a%20b%23c.rs#L3-L7",
                Permalinks.of(crate, "", f));
    }

    @Test
    void failuresCsvIsSortedAndKeepsMultiLineMessages() throws IOException {
        List<CSVRecord> rows = parse(FailuresCsv.render(ResultFixtures.failures()));
        assertEquals(List.of("project", "stage", "class", "message"), rows.get(0).toList());
        assertEquals(List.of(ResultFixtures.HOSTILE_ID, "Extract", "parse-fail", "'=cmd|' /C calc'!A0"),
                rows.get(1).toList());
        assertEquals(List.of("zlib", "Acquire", "clone-fail", "</script><script>alert(7)</script>"),
                rows.get(2).toList());
        assertEquals("cc: error: -march=native\nnext line", rows.get(3).get(3));
    }

    @Test
    void everyTextCellThatASpreadsheetCouldRunIsGuardedAlsoAfterWhitespace() throws IOException {
        List<String> hostile = List.of(" =cmd|' /C calc'!A0", "\t=x", "\u00a0+1", "  @SUM(A1)", "\n-2", "'=x");
        List<Failure> failures = hostile.stream()
                .map(m -> new Failure(" =id", "Extract", FailureClass.PARSE_FAIL, m)).toList();
        List<CSVRecord> rows = parse(FailuresCsv.render(failures));
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertEquals("' =id", row.get(0));
            String message = row.get(3);
            assertTrue(message.startsWith("'") && hostile.contains(CsvTable.unguard(message)), message);
        }
    }

    @Test
    void sameInputsGiveTheSameBytesWhateverTheInputOrder() {
        List<ProjectResult> shuffled = new ArrayList<>(ranked());
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(ProjectsCsv.render(ranked()), ProjectsCsv.render(shuffled));
        assertEquals(FindingsCsv.render(ranked()), FindingsCsv.render(shuffled));
        List<Failure> failures = new ArrayList<>(ResultFixtures.failures());
        Collections.reverse(failures);
        assertEquals(FailuresCsv.render(ResultFixtures.failures()), FailuresCsv.render(failures));
    }

    @Test
    void writesUtf8FilesWithABomAndCrlfRecords(@TempDir Path dir) throws IOException {
        ProjectResult r = ResultFixtures.zlibRs();
        ProjectResult unicode = ProjectResult.of(new ProjectSpec("zäh-ß", Language.RUST,
                new SourceSpec.Path("./ü"), Popularity.none(), null, null, null, 1), "", List.of(),
                null, null).withScore(0, 2);
        Path file = ProjectsCsv.write(dir.resolve("out"), List.of(r.withScore(1, 1), unicode));
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 BOM first");
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        assertTrue(text.startsWith("\uFEFFrank,project,"), "then the header");
        assertTrue(text.contains("\r\n2,zäh-ß,"), text);
        assertTrue(text.endsWith("\r\n"));
    }
}
