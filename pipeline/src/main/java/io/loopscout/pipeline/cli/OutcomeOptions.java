package io.loopscout.pipeline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the commands that run the pipeline about what a run is compared with and how it exits. */
final class OutcomeOptions {

    @Option(names = "--baseline", paramLabel = "DIR", description = "compare with the outputs of an earlier run "
            + "in DIR (changes.csv, the report's Changes section); default: the previous outputs in --out")
    Path baseline;

    @Option(names = "--fail-exit", description = "exit 3 when the run completed with failures (failures.csv has "
            + "rows), for cron and CI; without it such a run exits 0")
    boolean failExit;
}
