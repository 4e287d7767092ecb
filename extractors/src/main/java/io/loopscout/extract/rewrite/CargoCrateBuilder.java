package io.loopscout.extract.rewrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds with cargo as a real process: {@code cargo fetch} once, then {@code cargo check --offline} per
 * variant, each variant in its own subdirectory of a private target dir (switching RUSTFLAGS would otherwise
 * rebuild every dependency each time). Runs under {@code nice} when available. Runs on the host, without a
 * sandbox: for crates one trusts (loopscout's own fixtures and tools); corpus crates go through the native
 * runner's sandboxed builder. Even so cargo runs from the private target directory with
 * {@code --manifest-path}, so the crate's {@code .cargo/config.toml} (a rustc-wrapper...) is not read.
 */
public final class CargoCrateBuilder implements CrateBuilder {

    private final Path targetDir;
    private final Duration timeout;

    /**
     * @param targetDir a private CARGO_TARGET_DIR (kept between calls so rebuilds are incremental)
     * @param timeout   the limit of one cargo invocation
     */
    public CargoCrateBuilder(Path targetDir, Duration timeout) {
        this.targetDir = targetDir;
        this.timeout = timeout;
    }

    @Override
    public Outcome prepare(Path crateDir) {
        return cargo(crateDir, List.of("fetch"), Variant.STABLE);
    }

    @Override
    public Outcome build(Path crateDir, Variant variant, List<String> targets) {
        List<String> args = new ArrayList<>(List.of("check", "--offline", "--message-format=short"));
        args.addAll(targets);
        return cargo(crateDir, args, variant);
    }

    private Outcome cargo(Path crateDir, List<String> args, Variant variant) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            cmd.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        cmd.add("cargo");
        cmd.addAll(args);
        cmd.addAll(List.of("--manifest-path", crateDir.toAbsolutePath().resolve("Cargo.toml").toString()));
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            return new Outcome(false, "cannot create " + targetDir + ": " + e.getMessage(), "");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(targetDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("RUSTFLAGS");
        env.remove("CARGO_ENCODED_RUSTFLAGS");
        env.remove("RUSTC_BOOTSTRAP");
        env.put("CARGO_TARGET_DIR", targetDir.resolve(variant.name().toLowerCase(java.util.Locale.ROOT)).toString());
        env.put("CARGO_TERM_COLOR", "never");
        if (variant.bootstrapped()) {
            env.put("RUSTC_BOOTSTRAP", "1");
        }
        if (variant.loopMatch()) {
            env.put("RUSTFLAGS", "--cfg loop_match");
        }
        try {
            Path log = Files.createTempFile("loopscout-cargo", ".log");
            try {
                pb.redirectOutput(log.toFile());
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                    return new Outcome(false, "cargo " + args.get(0) + " timed out after " + timeout.toSeconds() + " s",
                            Files.readString(log, StandardCharsets.UTF_8));
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                return new Outcome(p.exitValue() == 0, p.exitValue() == 0 ? "" : firstError(out), out);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Outcome(false, "cannot run cargo: " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted", "");
        }
    }

    /** The first error line of cargo's short-format output (file:line:col: error[..]: message). */
    public static String firstError(String log) {
        for (String line : log.split("\n")) {
            if (line.contains("error") && !line.startsWith("warning") && !line.contains("warning:")
                    && !line.startsWith("error: could not compile")) {
                return line.strip();
            }
        }
        return log.isBlank() ? "cargo failed without output" : log.strip().lines().reduce((x, y) -> y).orElse("");
    }
}
