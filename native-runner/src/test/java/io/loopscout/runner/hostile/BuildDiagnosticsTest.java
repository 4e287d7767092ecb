package io.loopscout.runner.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed builds keep their cause in failures.csv (src/test/resources/hostile-diagnostics): the first rustc
 * error, a build script's stderr tail, and a refused loopback connection classified network-blocked; never
 * cargo's closing {@code build-finished} line or a bare exit status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildDiagnosticsTest {
    @TempDir
    static Path scratch;
    HostileHost host;
    CargoBuild cargo;
    Path workspace;

    @BeforeAll
    void fetch() throws IOException {
        Sandbox sandbox = HostileHost.bwrapOrSkip();
        host = new HostileHost(scratch);
        cargo = new CargoBuild(sandbox, RustToolchain.detect());
        workspace = host.plant("hostile-diagnostics", scratch);
        assertNull(cargo.fetch("diag", workspace));
    }

    @AfterAll
    void stop() throws IOException {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void typeErrorNamesTheFirstRustcError() {
        Failure f = build("type-error");
        assertEquals(FailureClass.BUILD_FAIL, f.failureClass(), f.message());
        assertTrue(f.message().contains("error[E0308]: mismatched types"), f.message());
        assertTrue(f.message().contains("src/main.rs:2"), f.message());
        assertFalse(f.message().contains("build-finished"), f.message());
    }

    @Test
    void failedBuildScriptNamesItsStderr() {
        Failure f = build("script-panic");
        assertEquals(FailureClass.BUILD_FAIL, f.failureClass(), f.message());
        assertTrue(f.message().contains("failed to run custom build command for `script-panic"), f.message());
        assertTrue(f.message().contains("libfrobnicate 2.1 not found: set FROBNICATE_DIR"), f.message());
    }

    @Test
    void refusedLoopbackConnectionIsNetworkBlocked() {
        Failure f = build("loopback");
        assertEquals(FailureClass.NETWORK_BLOCKED, f.failureClass(), f.message());
        assertTrue(f.message().contains("Connection refused"), f.message());
        assertEquals(0, host.connections(), "the host's listener was not reached");
    }

    private Failure build(String member) {
        BuildResult r = cargo.build(workspace, workspace, scratch.resolve("target-" + member), Variant.A,
                List.of("build", "-p", member), "", cargo.buildLimits());
        assertFalse(r.ok(), r.result().log());
        return r.toFailure("diag", "measure", "build A");
    }
}
