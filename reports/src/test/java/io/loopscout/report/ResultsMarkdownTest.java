package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/results.md is rendered from a run's own outputs, read by column name. */
class ResultsMarkdownTest {

    private static List<ProjectResult> ranked() {
        return ResultFixtures.ranked();
    }

    private static String render(String findingsCsv) throws Exception {
        return ResultsMarkdown.render(new ResultsMarkdown.RunOutputs(ProjectsCsv.render(ranked()), findingsCsv,
                FailuresCsv.render(ResultFixtures.failures()), RunJson.render(ResultFixtures.runInfo(), ranked(), ResultFixtures.failures()), "abc1234",
                "8.1 7.9 7.5 before, 9.0 8.2 7.7 after", List.of("Other builds shared the machine.")));
    }

    @Test
    void projectRowsCarryTimeWithCiInstructionRatiosNoiseAndVerdict() throws Exception {
        String md = render(FindingsCsv.render(ranked()));
        // speed-up 1.12 [1.08, 1.16] is time B/A 0.893 [0.862, 0.926]; Ir(B)/Ir(A) = 4.6 M / 5 M; D was not counted
        assertTrue(md.contains("| zlib-rs | 0.5.2 | project | 2 | 1 | 1 | 0.893 [0.862, 0.926] | 0.9200 |  | 0.971 "
                + "| ±0.4% | improved |  |  |"), md);
        // a static project has no time figures; its failures are named by class
        assertTrue(md.contains("| zlib | 51b7f2abdade71cd9bb0e7a373ef2610ec6f9daf | static | 2 | 0 | 0 |  |  |  |  "
                + "|  | not-measured |  | build-fail, clone-fail |"), md);
        assertTrue(md.contains("| loopscout commit | `abc1234` |"), md);
        assertTrue(md.contains("| load (1/5/15 min) | 8.1 7.9 7.5 before, 9.0 8.2 7.7 after |"), md);
        assertTrue(md.contains("| CPU | Intel(R) Xeon(R) &lt;script>, 2 logical cores |"), md);
        assertTrue(md.contains("> Other builds shared the machine."), md);
        assertTrue(md.contains("| date (run start, UTC) | 2026-11-23T19:00:00Z |"), md);
        assertTrue(md.contains("| duration | 42.5 min |"), md);
    }

    @Test
    void withoutARewriteColumnRewrittenLoopsAreUnknownNotZero() throws Exception {
        String md = render("project,file,eligible\nzlib-rs,a.rs,true\n");
        assertTrue(md.contains("| zlib-rs | 0.5.2 | project | 2 | 1 | – | 0.893"), md);
    }

    @Test
    void rewrittenLoopsAreCountedFromTheRewriteColumnAndCellsCannotBreakTheTable() throws Exception {
        String findings = "\uFEFFproject,file,eligible,rewrite\nzlib-rs,a.rs,true,rewritten\n"
                + "zlib-rs,b.rs,true,reverted: E0308\nzlib-rs,c.rs,false,left-alone: state-not-local\n";
        String md = render(findings);
        assertTrue(md.contains("| zlib-rs | 0.5.2 | project | 2 | 1 | 1 | 0.893"), md);
        // every row of the table has its 14 cells, whatever the corpus wrote into a name or version
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && l.split("(?<!\\\\)\\|", -1).length > 10)
                .toList();
        assertTrue(rows.size() >= 5, md);
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.split("(?<!\\\\)\\|", -1).length == 16, row);
        }
        assertTrue(md.contains("| =HYPERLINK(\"http://127.0.0.1/x\",\"click\") | +1 |"), md);
        assertTrue(ResultsMarkdown.cell("a|b\nc").equals("a\\|b c"));
    }

    @Test
    void commitLoadAndClockComeFromRunJsonWhenNotGiven() throws Exception {
        RunInfo r = ResultFixtures.runInfo();
        RunInfo recorded = new RunInfo(r.manifest(), r.loopscoutVersion(), r.rustcVersion(), r.ccVersion(),
                r.valgrindVersion(), r.sandbox(), r.cpuModel(), r.cores(), r.start(), r.end(), r.counts(),
                r.measureMode(), r.runner(), r.timing(), "0.52 0.40 0.31 at the start, 1.10 0.80 0.50 at the end",
                "1de7b20-dirty");
        String md = ResultsMarkdown.render(new ResultsMarkdown.RunOutputs(ProjectsCsv.render(ranked()),
                FindingsCsv.render(ranked()), FailuresCsv.render(ResultFixtures.failures()),
                RunJson.render(recorded, ranked(), ResultFixtures.failures()), "", "", List.of()));
        assertTrue(md.contains("| loopscout commit | `1de7b20-dirty` |"), md);
        assertTrue(md.contains("| load (1/5/15 min) | 0.52 0.40 0.31 at the start, 1.10 0.80 0.50 at the end |"), md);
        assertTrue(md.contains("| clock and decision | clock cpu (CPU time of the run's cgroup); pairs until CI "
                + "±0.60% or 120 s |"), md);
        // a run.json without them says so rather than inventing a figure
        String without = ResultsMarkdown.render(new ResultsMarkdown.RunOutputs(ProjectsCsv.render(ranked()),
                FindingsCsv.render(ranked()), FailuresCsv.render(ResultFixtures.failures()),
                RunJson.render(r, ranked(), ResultFixtures.failures()), "", "", List.of()));
        assertTrue(without.contains("| load (1/5/15 min) | not recorded |"), without);
        assertTrue(without.contains("| loopscout commit | unknown |"), without);
    }
}
