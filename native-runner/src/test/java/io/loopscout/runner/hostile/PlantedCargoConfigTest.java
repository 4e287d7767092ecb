package io.loopscout.runner.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.Language;
import io.loopscout.extract.Extractors;
import io.loopscout.extract.rewrite.CrateRewriter;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.extract.rewrite.RewriteResult;
import io.loopscout.runner.build.BenchCommand;
import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.SandboxedCrateBuilder;
import io.loopscout.runner.build.Variant;
import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxCommand;
import io.loopscout.runner.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus crate that plants {@code .cargo/config.toml} (rustc-wrapper, build.rustc, target-dir, aliases, a
 * runner, env) and a build script reaching for the host (src/test/resources/hostile-config), run through
 * loopscout's real code paths: the sandboxed fetch and build, and the rewriter's verification builds. Nothing
 * may reach the host: no marker file, no connection to the test's loopback listener, nothing written in the
 * source. The control shows the same crate does all of that under a plain host cargo.
 */
class PlantedCargoConfigTest {
    @TempDir
    Path scratch;
    HostileHost host;

    @BeforeEach
    void listen() throws IOException {
        host = new HostileHost(scratch);
    }

    @AfterEach
    void stop() throws IOException {
        host.close();
    }

    @Test
    void controlPlainCargoOnTheHostRunsEverythingThePlantedCrateAsksFor() throws Exception {
        Path crate = host.plant("hostile-config", scratch.resolve("control"));
        Process p = new ProcessBuilder("cargo", "build", "--quiet").directory(crate.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, out);
        assertEquals(List.of("marker-build-rs", "marker-evil-sh"), host.markers());
        assertTrue(host.connections() > 0, "the wrapper connects to the listener");
        assertTrue(Files.isDirectory(crate.resolve("planted-target")), "target-dir of the config honoured");
    }

    @Test
    void sandboxedFetchAndBuildIgnoreThePlantedConfigAndNothingReachesTheHost() throws IOException {
        Sandbox sandbox = HostileHost.bwrapOrSkip();
        Path crate = host.plant("hostile-config", scratch.resolve("checkout"));
        CargoBuild cargo = new CargoBuild(sandbox, RustToolchain.detect());
        Failure fetch = cargo.fetch("planted", crate, crate);
        assertNull(fetch, () -> fetch.message());
        assertTrue(Files.readString(crate.resolve("Cargo.lock")).contains("name = \"adler2\""),
                "the fetch wrote the lock file and resolved the registry dependency");

        // the bench command itself says --offline: loopscout must not add a second one
        BenchCommand bench = BenchCommand.parse("cargo run --release --offline --bin planted");
        Path target = scratch.resolve("target-a");
        BuildResult built = cargo.build(crate, crate, target, Variant.A, bench.buildArgs(), "", Limits.build());
        assertTrue(built.ok(), built.result().detail() + "\n" + built.result().log());
        Path exe = built.executable("planted");
        assertTrue(exe != null && exe.startsWith(target), String.valueOf(built.executables()));
        assertTrue(built.result().log().contains("refused"), "build.rs reports its refused attempts");

        SandboxResult run = sandbox.run(SandboxCommand.of(List.of(exe.toString())).workDir(crate)
                .readOnly(crate).readOnly(target).limits(Limits.bench()).build());
        assertTrue(run.ok(), run.detail() + run.log());
        assertTrue(run.log().contains("runs=3"), run.log());

        assertEquals(List.of(), host.markers(), "nothing written on the host");
        assertEquals(0, host.connections(), "no connection to the host's loopback listener");
        assertFalse(Files.exists(crate.resolve("planted-target")), "the config's target-dir was not used");
        assertFalse(Files.exists(crate.resolve("marker-in-source")), "the source stayed read-only");
    }

    @Test
    void rewriterVerificationBuildsIgnoreThePlantedConfigToo() throws IOException {
        Sandbox sandbox = HostileHost.bwrapOrSkip();
        Path crate = host.plant("hostile-config", scratch.resolve("rewrite"));
        CargoBuild cargo = new CargoBuild(sandbox, RustToolchain.detect());
        CrateRewriter rewriter = new CrateRewriter(() -> Extractors.forLanguage(Language.RUST),
                target -> new SandboxedCrateBuilder(cargo, target, "planted"));
        RewriteResult r = rewriter.rewrite(crate, CrateRewriter.Mode.IN_PLACE);
        assertEquals(1, r.count(LoopOutcome.Status.REWRITTEN), r.loops().toString());
        assertEquals(List.of(), host.markers());
        assertEquals(0, host.connections());
    }

}
