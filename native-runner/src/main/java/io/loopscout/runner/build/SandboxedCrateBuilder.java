package io.loopscout.runner.build;

import io.loopscout.core.Failure;
import io.loopscout.extract.rewrite.CrateBuilder;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rewriter's verification builds ({@code CrateRewriter}) routed through the sandbox: {@code cargo fetch}
 * outside (network), then {@code cargo check --offline} inside, the crate read-only and one private target
 * directory per variant. Use as {@code new CrateRewriter(extractors, t -> new SandboxedCrateBuilder(cargo, t))}.
 */
public final class SandboxedCrateBuilder implements CrateBuilder {
    /** A rustc diagnostic line in short format: {@code file:line:col: error[E..]: message} or {@code error: ..}. */
    private static final Pattern ERROR = Pattern.compile("(?m)^(?:\\S+:\\d+:\\d+: )?error(?:\\[E\\d+\\])?: .*$");

    private final CargoBuild cargo;
    private final Path targetDir;

    /** Builds with {@code cargo} into subdirectories of {@code targetDir}. */
    public SandboxedCrateBuilder(CargoBuild cargo, Path targetDir) {
        this.cargo = cargo;
        this.targetDir = targetDir;
    }

    @Override
    public Outcome prepare(Path crateDir) {
        Failure f = cargo.fetch("rewrite", crateDir);
        return f == null ? new Outcome(true, "", "") : new Outcome(false, f.message(), f.message());
    }

    @Override
    public Outcome build(Path crateDir, Variant variant) {
        Path target = targetDir.resolve(variant.name().toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            return new Outcome(false, "cannot create " + target + ": " + e.getMessage(), "");
        }
        RustToolchain tc = cargo.toolchain();
        Map<String, String> env = new LinkedHashMap<>(tc.environment());
        env.put("CARGO_TARGET_DIR", target.toString());
        if (variant == Variant.STABLE) {
            env.remove("RUSTC_BOOTSTRAP"); // what a user on stable builds
        } else {
            env.put("RUSTFLAGS", "--cfg loop_match");
        }
        SandboxResult r = cargo.sandbox().run(SandboxCommand.of(List.of(tc.cargo().toString(), "check",
                        "--offline", "--message-format=short"))
                .workDir(crateDir).readOnly(tc.readOnlyPaths()).readOnly(crateDir).writable(target)
                .env(env).limits(Limits.build()).build());
        if (r.ok()) {
            return new Outcome(true, "", r.log());
        }
        Matcher m = ERROR.matcher(r.log());
        String first = null;
        while (m.find()) {
            if (!m.group().startsWith("error: could not compile")) {
                first = m.group().strip();
                break;
            }
        }
        return new Outcome(false, first != null ? first : r.detail() + " | " + r.lastLine(), r.log());
    }
}
