package io.loopscout.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the loopscout command line (shared/design.md, Command line). */
@Command(name = "loopscout", mixinStandardHelpOptions = true, version = "loopscout " + Main.VERSION,
        description = {"Finds state machines that RFC 3720 would speed up, rewrites them to the",
            "#[loop_match] form and measures them."},
        subcommands = {RunCommand.class, ScanCommand.class, RewriteCommand.class, ValidateCommand.class,
            ResultsCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {Main.EXIT_0, Main.EXIT_3, Main.EXIT_2, Main.EXIT_1},
        footerHeading = "%nEvidence tiers (run --measure):%n",
        footer = {Main.TIER_STATIC, Main.TIER_MODEL, Main.TIER_PROJECT})
public final class Main implements Callable<Integer> {

    /** The loopscout version, written into run.json. */
    public static final String VERSION = "0.1.0";

    /** Width of --help: wide enough that no description needs to break inside a word. */
    static final int HELP_WIDTH = 100;

    // --help texts shared by the commands that run the pipeline
    static final String EXIT_0 = "0:the run completed (per-project failures are in failures.csv)";
    static final String EXIT_3 = "3:with --fail-exit: the run completed, but failures.csv has rows";
    static final String EXIT_2 = "2:bad usage or an invalid manifest; nothing ran";
    static final String EXIT_1 = "1:internal error (rerun with -v for the stack trace)";
    static final String TIER_STATIC = "  static   extracted metrics only (default)";
    static final String TIER_MODEL = "  model    plus a generated kernel per state graph, timed as loop+match,%n"
            + "           #[loop_match] and the LLVM flag (an upper bound on the gain)";
    static final String TIER_PROJECT = "  project  plus the manifest's own benchmark command, variants A/B/D/A'";

    /** Exit status: bad usage or an invalid manifest. */
    static final int USAGE = 2;
    /** Exit status with {@code --fail-exit}: the run completed, but failures.csv has rows. */
    static final int FAILURES = 3;
    /** Exit status: an internal error. */
    static final int INTERNAL = 1;

    /** No command: the usage, and exit status 2 (design.md: {@code run} is the default job, named explicitly). */
    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main()).setUsageHelpWidth(HELP_WIDTH);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("loopscout: internal error: " + e);
            if (Logging.verbose()) {
                e.printStackTrace(cmd.getErr());
            }
            return INTERNAL;
        });
        return cli.execute(args);
    }
}
