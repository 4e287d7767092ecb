package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A published crate fetched (sandboxed, with network) and located by cargo metadata (sandboxed, offline). */
class CrateFetcherTest {
    @TempDir
    Path scratch;

    @Test
    void fetchesASmallCrateAndFindsItsUnpackedSource() throws Exception {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.isolation() == Sandbox.Isolation.BWRAP, sandbox.method());
        CargoBuild cargo = new CargoBuild(sandbox, RustToolchain.detect());
        Path src = new CrateFetcher(cargo, new SandboxCommandRunner(sandbox, cargo.toolchain()))
                .fetch("adler2", "adler2", "2.0.1", scratch);
        assertTrue(src.endsWith("adler2-2.0.1"), src.toString());
        assertTrue(Files.readString(src.resolve("Cargo.toml")).contains("name = \"adler2\""));
    }
}
