package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.report.CorpusSummary.MachineForm;
import io.loopscout.report.CorpusSummary.Tally;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus summary: projects per pattern, machine forms, rewritable loops; in run.json and report.html. */
class CorpusSummaryTest {

    private static ProjectResult crate(String id, Finding... findings) {
        ProjectSpec spec = new ProjectSpec(id, Language.RUST, new SourceSpec.Crate(id, "1.0.0"), Popularity.none(),
                null, null, null, 1);
        return ProjectResult.of(spec, "1.0.0", List.of(findings), io.loopscout.runner.Measurement.staticOnly(),
                "");
    }

    private static Finding finding(Pattern p, int line, Boolean eligible) {
        return Finding.builder().file("src/lib.rs").startLine(line).endLine(line + 5).function("f").pattern(p)
                .eligible(eligible).snippet("loop {}").build();
    }

    /** parser: two state loops (one rewritable) and a step machine; vm: a dispatch loop and a rewritable one. */
    private static List<ProjectResult> corpus() {
        List<ProjectResult> rows = new ArrayList<>();
        rows.add(crate("parser", finding(Pattern.RUST_STATE_LOOP, 10, true),
                finding(Pattern.RUST_STATE_LOOP, 40, false), finding(Pattern.RUST_STEP_MACHINE, 80, false)));
        rows.add(crate("vm", finding(Pattern.RUST_DISPATCH_LOOP, 5, false),
                finding(Pattern.RUST_FIELD_STATE_LOOP, 50, true)));
        rows.add(crate("plain"));
        rows.add(ResultFixtures.failedCrate());
        return rows;
    }

    @Test
    void countsProjectsPerPatternFormsAndRewritableLoops() {
        CorpusSummary s = CorpusSummary.of(corpus());
        assertEquals(3, s.projects(), "the failed crate has no result");
        assertEquals(2, s.projectsWithFindings());
        assertEquals(new Tally(1, 2), s.of(Pattern.RUST_STATE_LOOP), "two findings, one project");
        assertEquals(new Tally(1, 1), s.of(Pattern.RUST_FIELD_STATE_LOOP));
        assertEquals(new Tally(0, 0), s.of(Pattern.C_SWITCH_STATE_LOOP));
        assertEquals(new Tally(2, 3), s.of(MachineForm.LOOP_FORM), "state and field-state loops of both crates");
        assertEquals(new Tally(1, 1), s.of(MachineForm.STEP));
        assertEquals(new Tally(1, 1), s.of(MachineForm.DISPATCH));
        assertEquals(2, s.rewritable());
        assertEquals(2, s.rewritableProjects());
        assertEquals(0, s.rewriteAttempted(), "static run: no rewrite ran");
        assertEquals(Pattern.values().length, s.byPattern().size(), "every pattern, zeros too");
    }

    @Test
    void everyPatternHasAForm() {
        for (Pattern p : Pattern.values()) {
            assertEquals(p.language() == Language.C, MachineForm.of(p) == MachineForm.C, p.id());
        }
    }

    @Test
    void runJsonCarriesTheCorpusSummary() throws Exception {
        JsonNode corpus = new ObjectMapper().readTree(RunJson.render(ResultFixtures.runInfo(), corpus(), List.of()))
                .get("corpus");
        assertEquals(3, corpus.get("projects_with_results").asInt());
        assertEquals(2, corpus.get("projects_with_findings").asInt());
        assertEquals(1, corpus.at("/by_pattern/rust~1state-loop/projects").asInt());
        assertEquals(2, corpus.at("/by_pattern/rust~1state-loop/findings").asInt());
        assertEquals(0, corpus.at("/by_pattern/c~1computed-goto/projects").asInt());
        assertEquals(3, corpus.at("/by_form/loop-form/findings").asInt());
        assertEquals(1, corpus.at("/by_form/step/findings").asInt());
        assertEquals(2, corpus.at("/rewritable_loops/loops").asInt());
        assertEquals(2, corpus.at("/rewritable_loops/projects").asInt());
    }

    @Test
    void runJsonCountsRewritesWhereTheyRan() throws Exception {
        // zlib-rs: one loop rewritten, one reverted; the hostile crate's eligible loop had no rewrite
        JsonNode rewritable = new ObjectMapper().readTree(RunJson.render(ResultFixtures.runInfo(),
                ResultFixtures.all(), List.of())).at("/corpus/rewritable_loops");
        assertEquals(2, rewritable.get("loops").asInt());
        assertEquals(2, rewritable.get("rewrite_attempted").asInt());
        assertEquals(1, rewritable.get("rewritten").asInt());
    }

    @Test
    void reportShowsTheCorpusTable() {
        String html = HtmlReport.render(corpus(), List.of(), ResultFixtures.runInfo(), "score");
        int table = html.indexOf("<table id=\"corpus\">");
        assertTrue(table > 0, "corpus table present");
        String corpus = html.substring(table, html.indexOf("</table>", table));
        assertTrue(corpus.contains("Loop-form state machines (a loop matching on its state)</th><td class=\"num\">3 in 2 projects"), corpus);
        assertTrue(corpus.contains("Step machines (a step function called by a driver loop)</th><td class=\"num\">1 in 1 project<"), corpus);
        assertTrue(corpus.contains("<td class=\"num\">2 in 2 projects"), corpus);
        assertTrue(corpus.contains("2 of 3"), "projects with findings of projects with results: " + corpus);
        String byPattern = html.substring(html.indexOf("<table id=\"by-pattern\">"));
        assertTrue(byPattern.contains("<code>rust/state-loop</code></td><td>"), byPattern);
        assertTrue(byPattern.matches("(?s).*<code>rust/state-loop</code>.*?<td class=\"num\">1</td><td class=\"num\">2</td>.*"),
                "projects 1, findings 2 for rust/state-loop");
    }
}
