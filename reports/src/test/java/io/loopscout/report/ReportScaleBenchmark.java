package io.loopscout.report;

import io.loopscout.extract.Finding;
import io.loopscout.manifest.ProjectSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long writing all six outputs takes for a large corpus, and how big they get. Not a unit test (excluded by
 * default); run it with {@code mvn -o -q -B -pl reports -am test -Dgroups=benchmark -DexcludedGroups=
 * -Dtest=ReportScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Prints one line per round, no assertion.
 */
@Tag("benchmark")
class ReportScaleBenchmark {

    private static final int PROJECTS = Integer.getInteger("bench.projects", 1000);
    private static final int FINDINGS = Integer.getInteger("bench.findings", 20);

    @Test
    void writeAllForALargeCorpus() throws Exception {
        List<ProjectResult> corpus = corpus(PROJECTS, FINDINGS);
        Path dir = Files.createTempDirectory("loopscout-report-bench");
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            Reports.writeAll(dir, corpus, ResultFixtures.failures(), ResultFixtures.runInfo(), "formula", Changes.none());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("report-bench round %d: %d projects x %d findings: %d ms; report.html %d bytes, "
                    + "findings.sarif %d bytes, findings.csv %d bytes%n", round, PROJECTS, FINDINGS, ms,
                    Files.size(dir.resolve(HtmlReport.FILE)), Files.size(dir.resolve(SarifReport.FILE)),
                    Files.size(dir.resolve(FindingsCsv.FILE)));
        }
        io.loopscout.core.FileTrees.delete(dir);
    }

    /** {@code projects} projects of {@code findings} findings each, with snippets, graphs and speed-ups. */
    static List<ProjectResult> corpus(int projects, int findings) {
        ProjectResult base = ResultFixtures.zlibRs();
        Finding inflate = base.findings().get(1); // snippet, 4-state graph, model speed-up
        List<ProjectResult> corpus = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            List<Finding> found = new ArrayList<>();
            for (int i = 0; i < findings; i++) {
                found.add(inflate.toBuilder().startLine(10 + i * 40).endLine(30 + i * 40).build());
            }
            ProjectSpec spec = new ProjectSpec("p" + p, base.spec().language(), base.spec().source(),
                    base.spec().popularity(), null, null, null, 1);
            corpus.add(ProjectResult.of(spec, "1.0", found, base.measurement(), base.patch())
                    .withScore(projects - p, p + 1));
        }
        return corpus;
    }
}
