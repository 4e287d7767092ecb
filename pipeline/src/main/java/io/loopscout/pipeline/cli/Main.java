package io.loopscout.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the loopscout command line (shared/design.md, Command line). */
@Command(name = "loopscout", mixinStandardHelpOptions = true, version = "loopscout " + Main.VERSION,
        description = "Finds state machines that RFC 3720 (#[loop_match]) would speed up, rewrites and measures them.",
        subcommands = {RunCommand.class, ScanCommand.class, RewriteCommand.class, ValidateCommand.class,
            ResultsCommand.class})
public final class Main implements Runnable {

    /** The loopscout version, written into run.json. */
    public static final String VERSION = "0.1.0";

    /** Exit status: bad usage or an invalid manifest. */
    static final int USAGE = 2;
    /** Exit status: an internal error. */
    static final int INTERNAL = 1;

    @Override
    public void run() {
        CommandLine.usage(this, System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
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
