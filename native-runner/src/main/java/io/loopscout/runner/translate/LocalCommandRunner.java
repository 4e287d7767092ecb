package io.loopscout.runner.translate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as plain child processes (no sandbox): for trusted inputs such as loopscout's own fixtures and
 * the pinned bzip2 sources, until the native runner's sandbox is wired in behind {@link CommandRunner}.
 * Output goes to temporary files (no pipe can fill up and stall the child) and is read back capped.
 */
public final class LocalCommandRunner implements CommandRunner {

    /** Output kept per stream, as in shared/measurement.md (captured log size). */
    static final int MAX_OUTPUT = 5 * 1024 * 1024;

    @Override
    public CommandResult run(Command command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("loopscout-cmd", ".out");
        Path err = Files.createTempFile("loopscout-cmd", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command.argv()).directory(command.dir().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(command.env());
            long start = System.nanoTime();
            Process p = pb.start();
            boolean finished = p.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new CommandResult(finished ? p.exitValue() : -1, !finished, read(out), read(err), elapsed);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
