package io.loopscout.pipeline.cli;

import io.loopscout.extract.rewrite.CrateRewriter;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.extract.rewrite.RewriteResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.SandboxedCrateBuilder;
import io.loopscout.runner.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import io.loopscout.runner.sandbox.SandboxSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loopscout rewrite PATH}: rewrites the eligible loops of a crate to the #[loop_match] form. */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
        description = {"Rewrite the eligible state loops of the crate at PATH to the #[loop_match] form.",
            "Each rewrite is gated by cfg(loop_match) and verified by building the crate on stable and with",
            "RUSTC_BOOTSTRAP=1 RUSTFLAGS=\"--cfg loop_match\" (in the sandbox, offline after cargo fetch).",
            "A crate whose root declares #![feature(..)] itself (c2rust's output) gets RUSTC_BOOTSTRAP=1 in",
            "its baseline build too.",
            "Rewrites in place unless --check or --patch is given."})
final class RewriteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "the crate directory (holds Cargo.toml)")
    Path crate;

    @Option(names = "--patch", paramLabel = "FILE", description = "write a unified diff to FILE instead of rewriting")
    Path patch;

    @Option(names = "--check", description = "only report what would be rewritten; change nothing")
    boolean check;

    @Option(names = {"-v", "--verbose"}, description = "debug logging")
    boolean verbose;

    @Mixin
    SandboxOptions sandboxOptions = new SandboxOptions();

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbose);
        if (!Files.isRegularFile(crate.resolve("Cargo.toml"))) {
            System.err.println("loopscout: not a crate directory (no Cargo.toml): " + crate);
            return Main.USAGE;
        }
        CrateRewriter.Mode mode = check ? CrateRewriter.Mode.CHECK
                : patch != null ? CrateRewriter.Mode.PATCH : CrateRewriter.Mode.IN_PLACE;
        SandboxSettings settings = sandboxOptions.settings(System.err);
        if (settings == null) {
            return Main.USAGE;
        }
        Sandbox sandbox = SandboxOptions.require(settings, System.err);
        if (sandbox == null) {
            return Main.USAGE;
        }
        CargoBuild cargo = new CargoBuild(sandbox, RustToolchain.detect(), settings.buildLimits());
        RewriteResult r;
        try {
            r = CrateRewriter.standard(target -> new SandboxedCrateBuilder(cargo, target,
                    crate.toAbsolutePath().normalize().getFileName().toString())).rewrite(crate, mode);
        } catch (IllegalArgumentException e) {
            System.err.println("loopscout: " + e.getMessage());
            return Main.USAGE;
        }
        for (LoopOutcome l : r.loops()) {
            System.out.printf("%s:%d %s %s %s%s%n", TerminalText.shown(l.file()), l.line(), l.pattern(),
                    TerminalText.shown(l.stateVariable()),
                    l.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    l.reason().isEmpty() ? "" : " (" + TerminalText.shown(l.reason()) + ")");
        }
        System.out.printf("%d rewritten, %d left alone, %d reverted%s%n", r.count(LoopOutcome.Status.REWRITTEN),
                r.count(LoopOutcome.Status.LEFT_ALONE), r.count(LoopOutcome.Status.REVERTED),
                r.applied() ? "; files changed: " + TerminalText.shown(r.changedFiles().toString()) : "");
        if (patch != null) {
            Files.writeString(patch, r.diff(), StandardCharsets.UTF_8);
            System.out.println("patch written to " + patch);
        }
        return 0;
    }
}
