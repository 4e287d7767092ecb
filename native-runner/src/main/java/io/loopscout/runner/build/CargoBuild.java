package io.loopscout.runner.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cargo builds of corpus crates: dependencies fetched first with the network ({@link #fetch}), then every
 * variant built offline in the sandbox with its own target directory ({@link #build}).
 */
public final class CargoBuild {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final RustToolchain toolchain;

    /** Builds through {@code sandbox} with {@code toolchain}. */
    public CargoBuild(Sandbox sandbox, RustToolchain toolchain) {
        this.sandbox = sandbox;
        this.toolchain = toolchain;
    }

    /** The toolchain used. */
    public RustToolchain toolchain() {
        return toolchain;
    }

    /** The sandbox used. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /**
     * {@code cargo fetch} in {@code crateDir}, outside the sandbox because it needs the network (it only
     * downloads; no build script runs). Writes Cargo.lock when the crate has none. Null when it worked.
     */
    public Failure fetch(String project, Path crateDir) {
        List<String> argv = List.of(toolchain.cargo().toString(), "fetch", "--quiet");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(crateDir.toFile()).redirectErrorStream(true);
            pb.environment().put("CARGO_HOME", toolchain.cargoHome().toString());
            pb.environment().put("CARGO_TERM_COLOR", "never");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(Limits.LOG_CAP);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Failure(project, "measure", FailureClass.FETCH_FAIL, "cargo fetch timed out in " + crateDir);
            }
            if (p.exitValue() != 0) {
                String text = new String(out).strip();
                String last = text.contains("\n") ? text.substring(text.lastIndexOf('\n') + 1) : text;
                return new Failure(project, "measure", FailureClass.FETCH_FAIL,
                        "cargo fetch failed in " + crateDir + ": " + last);
            }
            return null;
        } catch (IOException e) {
            return Failure.of(project, "measure", FailureClass.FETCH_FAIL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failure(project, "measure", FailureClass.FETCH_FAIL, "interrupted");
        }
    }

    /**
     * Builds one variant offline in the sandbox.
     *
     * @param sourceRoot  the checkout (or rewritten copy), bound read-only; holds the workspace root
     * @param crateDir    the crate inside it (the working directory)
     * @param targetDir   this variant's private target directory (created, bound writable)
     * @param variant     which variant: decides the extra RUSTFLAGS
     * @param cargoArgs   the cargo subcommand and selection, e.g. {@code build --release --example x}
     * @param sharedFlags RUSTFLAGS shared by all variants (the manifest's {@code bench.rustflags})
     */
    public BuildResult build(Path sourceRoot, Path crateDir, Path targetDir, Variant variant, List<String> cargoArgs,
                             String sharedFlags, Limits limits) {
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            return new BuildResult(variant, new SandboxResult(SandboxResult.Outcome.SANDBOX_ERROR, -1,
                    java.time.Duration.ZERO, "", false, "cannot create " + targetDir + ": " + e.getMessage()),
                    List.of());
        }
        List<String> argv = new ArrayList<>();
        argv.add(toolchain.cargo().toString());
        argv.addAll(cargoArgs);
        argv.addAll(List.of("--offline", "--message-format=json-render-diagnostics"));
        SandboxCommand cmd = SandboxCommand.of(argv)
                .workDir(crateDir)
                .readOnly(toolchain.readOnlyPaths())
                .readOnly(sourceRoot)
                .writable(targetDir)
                .env(toolchain.environment())
                .env(Map.of("CARGO_TARGET_DIR", targetDir.toString(), "RUSTFLAGS", variant.rustflags(sharedFlags)))
                .limits(limits)
                .build();
        SandboxResult r = sandbox.run(cmd);
        return new BuildResult(variant, r, executables(r.log()));
    }

    /** Executables named by cargo's JSON messages, build scripts excluded (lines of other text are skipped). */
    static List<Path> executables(String log) {
        List<Path> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (!line.startsWith("{\"reason\":\"compiler-artifact\"")) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                JsonNode exe = n.get("executable");
                boolean buildScript = n.path("target").path("kind").toString().contains("custom-build");
                if (exe != null && !exe.isNull() && !buildScript) {
                    out.add(Path.of(exe.asText()));
                }
            } catch (IOException e) {
                // a truncated line at the log cap: skip it
            }
        }
        return out;
    }
}
