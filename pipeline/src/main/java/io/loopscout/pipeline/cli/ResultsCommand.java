package io.loopscout.pipeline.cli;

import io.loopscout.report.ResultsMarkdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loopscout results --from DIR}: the results table (docs/results.md) of a run's outputs, on stdout. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Print the results table (Markdown) of a run's outputs: per project findings, loops "
                + "rewritten, time B/A with its CI, instruction ratios of B and D, A/A', verdict.",
                "docs/results.sh runs the default manifest with --measure project and writes docs/results.md "
                        + "with it."})
final class ResultsCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "DIR", required = true,
            description = "the run's output folder (projects.csv, findings.csv, failures.csv, run.json)")
    Path from;

    @Option(names = "--commit", paramLabel = "SHA", description = "the loopscout commit that ran")
    String commit = "";

    @Option(names = "--load", paramLabel = "TEXT", description = "the machine's load during the run")
    String load = "";

    @Option(names = "--note", paramLabel = "TEXT", description = "a line for the reader (repeatable)")
    List<String> notes = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            System.out.print(ResultsMarkdown.render(new ResultsMarkdown.RunOutputs(read("projects.csv"),
                    read("findings.csv"), read("failures.csv"), read("run.json"), commit, load, notes)));
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("loopscout: cannot render the results of " + from + ": " + e.getMessage());
            return Main.USAGE;
        }
    }

    private String read(String name) throws IOException {
        return Files.readString(from.resolve(name), StandardCharsets.UTF_8);
    }
}
