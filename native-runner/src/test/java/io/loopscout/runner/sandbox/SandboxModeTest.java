package io.loopscout.runner.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.SandboxResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict is the default and never falls back silently; the weak unshare -n mode is an explicit opt-in. */
class SandboxModeTest {
    private static final String NO_BWRAP = "/nonexistent/loopscout-test/bwrap";

    @TempDir
    Path scratch;

    @Test
    void strictWithoutBwrapRefusesEveryCommandAndSaysHowToOptIn() {
        Sandbox s = Sandbox.detect(Sandbox.Mode.STRICT, NO_BWRAP);
        assertEquals(Sandbox.Isolation.NONE, s.isolation());
        assertFalse(s.usable());
        assertTrue(s.refusal().contains(NO_BWRAP) && s.refusal().contains("--sandbox weak"), s.refusal());
        assertTrue(s.method().startsWith("none"), s.method());
        SandboxResult r = s.run(SandboxCommand.of(List.of("true")).build());
        assertEquals(Outcome.SANDBOX_ERROR, r.outcome());
        assertTrue(r.detail().contains("no sandbox"), r.detail());
    }

    @Test
    void strictWithoutBwrapFailsAProjectAsSandboxErrorBeforeCargoRuns() throws IOException {
        Path crate = Files.createDirectories(scratch.resolve("c/src"));
        Files.writeString(crate.resolveSibling("Cargo.toml"), "[package]\nname = \"c\"\nversion = \"0.1.0\"\n");
        Files.writeString(crate.resolve("lib.rs"), "");
        CargoBuild cargo = new CargoBuild(Sandbox.detect(Sandbox.Mode.STRICT, NO_BWRAP), RustToolchain.detect());
        Failure f = cargo.fetch("p", crate.getParent());
        assertEquals(FailureClass.SANDBOX_ERROR, f.failureClass(), f.message());
        assertFalse(Files.exists(crate.resolveSibling("Cargo.lock")), "nothing ran");
    }

    @Test
    void weakIsUsedOnlyWhenAskedForAndSaysWhatItGivesUp() {
        Sandbox weak = Sandbox.detect(Sandbox.Mode.WEAK, NO_BWRAP);
        assumeTrue(weak.usable(), "unshare -n does not work here either: " + weak.refusal());
        assertEquals(Sandbox.Isolation.UNSHARE_NET, weak.isolation());
        assertTrue(weak.weak());
        assertTrue(weak.method().startsWith("WEAK") && weak.method().contains("NOT isolated"), weak.method());
        SandboxResult r = weak.run(SandboxCommand.of(List.of("/bin/sh", "-c",
                "cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '")).env("PATH", "/usr/bin:/bin").build());
        assertEquals("lo", r.log().strip(), "the network is still cut");
    }

    @Test
    void modesParseFromTheCommandLine() {
        assertEquals(Sandbox.Mode.STRICT, Sandbox.Mode.parse("strict"));
        assertEquals(Sandbox.Mode.WEAK, Sandbox.Mode.parse("WEAK"));
        assertThrows(IllegalArgumentException.class, () -> Sandbox.Mode.parse("none"));
    }
}
