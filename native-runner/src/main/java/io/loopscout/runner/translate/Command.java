package io.loopscout.runner.translate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external command: its argument vector, working directory, extra environment and time limit.
 *
 * @param argv    program and arguments (no shell)
 * @param dir     working directory
 * @param env     variables added to (or replacing) the inherited environment
 * @param timeout wall-time limit; the process tree is killed past it
 */
public record Command(List<String> argv, Path dir, Map<String, String> env, Duration timeout) {

    public Command {
        argv = List.copyOf(argv);
        Objects.requireNonNull(dir, "dir");
        env = Map.copyOf(env);
        Objects.requireNonNull(timeout, "timeout");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }

    /** The command as a person would type it, for logs and failure messages. */
    public String display() {
        return String.join(" ", argv);
    }
}
