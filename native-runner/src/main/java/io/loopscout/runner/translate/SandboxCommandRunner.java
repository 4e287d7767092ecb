package io.loopscout.runner.translate;

import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;

/**
 * Runs {@link Command}s in the native runner's {@link Sandbox} (no network, only the declared directories,
 * limits), with the Rust toolchain's environment, so translation runs like every other corpus build.
 * Sandbox outcomes map onto exit codes: a timeout sets {@code timedOut}, anything else not OK is non-zero.
 */
public final class SandboxCommandRunner implements CommandRunner {

    private final Sandbox sandbox;
    private final RustToolchain toolchain;

    /** Runs through {@code sandbox}, with {@code toolchain}'s paths readable and its environment set. */
    public SandboxCommandRunner(Sandbox sandbox, RustToolchain toolchain) {
        this.sandbox = sandbox;
        this.toolchain = toolchain;
    }

    @Override
    public CommandResult run(Command command) {
        SandboxCommand.Builder cmd = SandboxCommand.of(command.argv())
                .workDir(command.dir())
                .readOnly(toolchain.readOnlyPaths())
                .readOnly(command.readOnly())
                .env(toolchain.environment())
                .env(command.env())
                .limits(Limits.build().withWallTime(command.timeout()));
        command.writable().forEach(cmd::writable);
        SandboxResult r = sandbox.run(cmd.build());
        boolean timedOut = r.outcome() == SandboxResult.Outcome.TIMEOUT
                || r.outcome() == SandboxResult.Outcome.SILENT_TIMEOUT;
        int exit = r.ok() ? 0 : (r.exitCode() == 0 ? 1 : r.exitCode());
        String detail = r.ok() || r.detail() == null || r.detail().isBlank() ? ""
                : "\n[sandbox: " + r.outcome() + ": " + r.detail() + "]";
        // The sandbox captures one interleaved log; it is both streams here.
        return new CommandResult(exit, timedOut, r.log(), r.log() + detail, r.wall());
    }
}
