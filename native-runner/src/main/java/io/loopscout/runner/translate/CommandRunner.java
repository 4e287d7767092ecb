package io.loopscout.runner.translate;

import java.io.IOException;

/**
 * Runs one external command to completion. The translation and bzip2 steps go through this interface so the
 * native runner's sandbox (no network, limits) can replace {@link LocalCommandRunner} without touching them.
 */
@FunctionalInterface
public interface CommandRunner {

    /** Runs the command; a non-zero exit or a timeout is a result, not an exception. */
    CommandResult run(Command command) throws IOException, InterruptedException;
}
