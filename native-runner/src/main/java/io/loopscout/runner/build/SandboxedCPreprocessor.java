package io.loopscout.runner.build;

import io.loopscout.core.FileTrees;
import io.loopscout.extract.c.CPreprocessor;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cc -E} in the sandbox, for {@code PreprocessedCExtractor}: no network, the project read-only and nothing
 * else of the host but the system directories (so {@code #include "/home/..."} finds nothing), a time limit, a
 * memory limit (an {@code #include "/dev/zero"} ends there, not in a hang) and a cap on the output's size.
 */
public final class SandboxedCPreprocessor implements CPreprocessor {

    /** Wall time of one file's preprocessing. */
    public static final Duration TIME = Duration.ofSeconds(60);
    /** Largest preprocessed output. */
    public static final long OUTPUT_CAP = 64L << 20;
    /** Memory of the preprocessor. */
    public static final long MEMORY = 1L << 30;

    private final Sandbox sandbox;
    private final String compiler;
    private final Limits limits;

    /** {@code cc} in {@code sandbox} with the limits above. */
    public SandboxedCPreprocessor(Sandbox sandbox) {
        this(sandbox, "cc", new Limits(TIME, TIME, MEMORY, 64, 256 << 10, OUTPUT_CAP));
    }

    /** {@code compiler} (a C driver that takes {@code -E}) in {@code sandbox} with {@code limits}. */
    public SandboxedCPreprocessor(Sandbox sandbox, String compiler, Limits limits) {
        this.sandbox = sandbox;
        this.compiler = compiler;
        this.limits = limits;
    }

    @Override
    public Result preprocess(Request request) {
        Path root;
        Path file;
        List<Path> includes = new ArrayList<>();
        try {
            root = request.projectDir().toRealPath();
            file = request.file().toRealPath();
            for (Path d : request.includeDirs()) {
                includes.add(d.toRealPath());
            }
        } catch (IOException e) {
            return Result.failed(Status.REFUSED, "cannot resolve " + e.getMessage());
        }
        // everything the preprocessor is pointed at lies in the project; links out of it are refused
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Result.failed(Status.REFUSED, "not a regular file inside the project: " + request.file());
        }
        for (Path d : includes) {
            if (!d.startsWith(root)) {
                return Result.failed(Status.REFUSED, "include directory outside the project: " + d);
            }
        }
        Path outDir = null;
        try {
            outDir = Files.createTempDirectory("loopscout-pp");
            Path out = outDir.resolve("out.i");
            List<String> argv = new ArrayList<>(List.of(compiler, "-E", "-w"));
            includes.forEach(d -> argv.add("-I" + d));
            request.defines().forEach(d -> argv.add("-D" + d));
            argv.addAll(List.of(file.toString(), "-o", out.toString()));
            SandboxResult r = sandbox.run(SandboxCommand.of(argv).neutralWorkDir().readOnly(root).writable(outDir)
                    .env("PATH", "/usr/bin:/bin").env("LC_ALL", "C").limits(limits).build());
            return switch (r.outcome()) {
                case OK -> Result.ok(Files.readString(out, StandardCharsets.UTF_8));
                case TIMEOUT, SILENT_TIMEOUT -> Result.failed(Status.TIMEOUT, r.detail());
                case OOM, DISK_FULL -> Result.failed(Status.TOO_LARGE, r.detail());
                case SANDBOX_ERROR -> Result.failed(Status.REFUSED, r.detail());
                default -> Result.failed(Status.FAILED, r.detail() + diagnostic(r.log()));
            };
        } catch (IOException e) {
            return Result.failed(Status.FAILED, "cannot read the output: " + e.getMessage());
        } finally {
            FileTrees.deleteQuietly(outDir);
        }
    }

    /** The compiler's first error line ({@code file:line:col: error: ...}), never a quoted source line. */
    private static String diagnostic(String log) {
        return log.lines().filter(l -> l.contains(" error: ")).findFirst().map(l -> ": " + cut(l.strip()))
                .orElse("");
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
