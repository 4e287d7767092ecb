package io.loopscout.report;

import java.nio.file.Path;

/**
 * A process that publishes a large report set ({@code args[1]} projects of 20 findings) into {@code args[0]}:
 * {@link OutputDirKillTest} kills it with SIGKILL while it writes.
 */
public final class PublishReportsMain {

    private PublishReportsMain() {
    }

    public static void main(String[] args) {
        Reports.writeAll(Path.of(args[0]), ReportScaleBenchmark.corpus(Integer.parseInt(args[1]), 20),
                ResultFixtures.failures(), ResultFixtures.runInfo(), "formula", Changes.none());
    }
}
