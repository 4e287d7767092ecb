package io.loopscout.pipeline.cli;

import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The sandbox options of the commands that build corpus code ({@code run}, {@code rewrite}), and the check
 * they share: without an acceptable sandbox they stop before anything runs (exit 2); in the opt-in weak mode
 * they say on stderr what is given up.
 */
final class SandboxOptions {

    @Option(names = "--sandbox", paramLabel = "MODE", description = {"strict (default): builds and benchmarks run "
            + "in bwrap, and without a working bwrap the command refuses to start (exit 2).",
            "weak: bwrap when it works, else unshare -n: network cut, but NO file-system isolation (corpus build "
                    + "scripts can write wherever you can). Only for machines where bwrap cannot run."})
    String mode = "strict";

    @Option(names = "--bwrap", paramLabel = "PATH", description = "the bubblewrap binary (default: bwrap on PATH)")
    String bwrap = Sandbox.BWRAP;

    @Option(names = "--build-timeout", paramLabel = "MINUTES",
            description = "wall-time limit of one build (default: ${DEFAULT-VALUE})")
    long buildMinutes = 15;

    @Option(names = "--disk-quota", paramLabel = "SIZE", description = "write quota of one build or benchmark run, "
            + "e.g. 512M or 4G (default: ${DEFAULT-VALUE}); beyond it the build fails as disk-full")
    String diskQuota = "2G";

    /** The settings, or null after printing what is wrong with an option. */
    SandboxSettings settings(PrintStream err) {
        try {
            long bytes = CliArgs.bytes(diskQuota);
            if (buildMinutes <= 0) {
                throw new IllegalArgumentException("--build-timeout must be a positive number of minutes");
            }
            return new SandboxSettings(Sandbox.Mode.parse(mode), bwrap, Duration.ofMinutes(buildMinutes), bytes);
        } catch (IllegalArgumentException e) {
            err.println("loopscout: " + e.getMessage());
            return null;
        }
    }

    /**
     * The sandbox for a command that will build corpus code, or null after saying on {@code err} why none is
     * acceptable here (the caller exits 2 before anything runs). Warns on {@code err} in the weak mode.
     */
    static Sandbox require(SandboxSettings settings, PrintStream err) {
        Sandbox sandbox = settings.detect();
        if (!sandbox.usable()) {
            err.println("loopscout: no sandbox, nothing was run: " + sandbox.refusal());
            return null;
        }
        if (sandbox.weak()) {
            err.println("loopscout: WARNING: weak sandbox (--sandbox " + settings.mode().name()
                    .toLowerCase(Locale.ROOT) + "): " + sandbox.method() + ". Corpus build scripts and benchmarks "
                    + "can read and write your files; run.json and report.html record this.");
        }
        return sandbox;
    }
}
