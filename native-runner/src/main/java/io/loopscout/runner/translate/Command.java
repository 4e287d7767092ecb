package io.loopscout.runner.translate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external command: its argument vector, working directory, extra environment, time limit, and the
 * directories it reads and writes (what a sandbox must make visible; a plain process ignores them).
 *
 * @param argv     program and arguments (no shell)
 * @param dir      working directory
 * @param env      variables added to (or replacing) the inherited environment
 * @param timeout  wall-time limit; the process tree is killed past it
 * @param readOnly directories the command reads
 * @param writable directories the command writes
 */
public record Command(List<String> argv, Path dir, Map<String, String> env, Duration timeout, List<Path> readOnly,
                      List<Path> writable) {

    public Command {
        argv = List.copyOf(argv);
        Objects.requireNonNull(dir, "dir");
        env = Map.copyOf(env);
        Objects.requireNonNull(timeout, "timeout");
        readOnly = List.copyOf(readOnly);
        writable = List.copyOf(writable);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }

    /** A command that declares no directories (it reads and writes only under {@code dir}). */
    public Command(List<String> argv, Path dir, Map<String, String> env, Duration timeout) {
        this(argv, dir, env, timeout, List.of(), List.of(dir));
    }

    /** The command as a person would type it, for logs and failure messages. */
    public String display() {
        return String.join(" ", argv);
    }
}
