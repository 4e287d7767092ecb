package io.loopscout.runner.build;

import io.loopscout.core.Failure;
import io.loopscout.extract.rewrite.CargoCrateBuilder;
import io.loopscout.extract.rewrite.CrateBuilder;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rewriter's verification builds routed through the sandbox: corpus crates run build scripts, so their
 * {@code cargo check} runs offline, without network, with the source read-only, from an empty directory so the
 * crate's own cargo config is not read. Dependencies are fetched first by {@link CargoBuild#fetch} (sandboxed,
 * with network).
 */
public final class SandboxedCrateBuilder implements CrateBuilder {

    private final CargoBuild cargo;
    private final Path targetDir;
    private final String project;

    /**
     * @param cargo     the sandbox and toolchain to build with
     * @param targetDir a private target directory (one subdirectory per variant, kept for incremental builds)
     * @param project   the project id, for failure messages
     */
    public SandboxedCrateBuilder(CargoBuild cargo, Path targetDir, String project) {
        this.cargo = cargo;
        this.targetDir = targetDir;
        this.project = project;
    }

    @Override
    public Outcome prepare(Path crateDir) {
        Failure f = cargo.fetch(project, crateDir);
        return f == null ? new Outcome(true, "", "") : new Outcome(false, f.message(), "");
    }

    @Override
    public Outcome build(Path crateDir, Variant variant, List<String> targets) {
        Path target = targetDir.resolve(variant.name().toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            return new Outcome(false, "cannot create " + target + ": " + e.getMessage(), "");
        }
        RustToolchain tc = cargo.toolchain();
        // from an empty directory with --manifest-path: the crate's .cargo/config.toml is not read
        List<String> args = new java.util.ArrayList<>(List.of(tc.cargo().toString(), "check", "--offline",
                "--message-format=short", "--manifest-path", crateDir.resolve("Cargo.toml").toString()));
        args.addAll(targets);
        SandboxCommand cmd = SandboxCommand.of(args)
                .neutralWorkDir()
                .readOnly(tc.readOnlyPaths())
                .readOnly(crateDir)
                .writable(target)
                .env(tc.environment())
                // Stable means stable: -1 makes rustc refuse #![feature] even though it could be bootstrapped.
                .env(Map.of("CARGO_TARGET_DIR", target.toString(),
                        "RUSTFLAGS", variant.loopMatch() ? "--cfg loop_match" : "",
                        "RUSTC_BOOTSTRAP", variant.bootstrapped() ? "1" : "-1"))
                .limits(cargo.buildLimits())
                .build();
        SandboxResult r = cargo.sandbox().run(cmd);
        if (r.ok()) {
            return new Outcome(true, "", r.log());
        }
        String first = CargoCrateBuilder.firstError(r.log());
        return new Outcome(false, first.isBlank() ? r.outcome() + ": " + r.lastLine() : first, r.log());
    }
}
