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
                + "| ±0.4% | improved |  |"), md);
        // a static project has no time figures; its failures are named by class
        assertTrue(md.contains("| zlib | 51b7f2abdade71cd9bb0e7a373ef2610ec6f9daf | static | 2 | 0 | 0 |  |  |  |  "
                + "|  | not-measured | build-fail, clone-fail |"), md);
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
        // every row of the table has its 13 cells, whatever the corpus wrote into a name or version
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && l.split("(?<!\\\\)\\|", -1).length > 10)
                .toList();
        assertTrue(rows.size() >= 5, md);
        for (String row : rows.subList(1, rows.size())) {
            assertTrue(row.split("(?<!\\\\)\\|", -1).length == 15, row);
        }
        assertTrue(md.contains("| =HYPERLINK(\"http://127.0.0.1/x\",\"click\") | +1 |"), md);
        assertTrue(ResultsMarkdown.cell("a|b\nc").equals("a\\|b c"));
    }
}
