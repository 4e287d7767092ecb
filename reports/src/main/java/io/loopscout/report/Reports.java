package io.loopscout.report;

import io.loopscout.core.Failure;
import java.nio.file.Path;
import java.util.List;

/** Writes every output of a run into one folder (design.md, outputs): the pipeline's single call. */
public final class Reports {

    private Reports() {
    }

    /**
     * Writes projects.csv, findings.csv, failures.csv, changes.csv, report.html, findings.sarif and run.json, published as
     * one set ({@link OutputDir#publish}: the previous set moves to {@code outDir/history}).
     *
     * @param outDir       the output folder (created when missing)
     * @param ranked       the scored and ranked results, then the failed projects (rank 0)
     * @param failures     every failure of the run
     * @param run          what ran
     * @param scoreFormula the scoring formula's text, shown in report.html
     * @param changes      what changed since the baseline run (changes.csv, the report's first section)
     * @return the files written, in that order
     */
    public static List<Path> writeAll(Path outDir, List<ProjectResult> ranked, List<Failure> failures, RunInfo run,
                                      String scoreFormula, Changes changes) {
        return OutputDir.publish(outDir, staging -> List.of(
                ProjectsCsv.write(staging, ranked),
                FindingsCsv.write(staging, ranked),
                FailuresCsv.write(staging, failures),
                ChangesCsv.write(staging, changes),
                HtmlReport.write(staging, ranked, failures, run, scoreFormula, changes),
                SarifReport.write(staging, ranked, run),
                RunJson.write(staging, run, ranked, failures))); // run.json last: the marker of a complete set
    }
}
