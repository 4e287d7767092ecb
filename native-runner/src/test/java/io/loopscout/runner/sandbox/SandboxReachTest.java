package io.loopscout.runner.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.build.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What code built in the sandbox can reach, with real bwrap and a real build script (the hostile workspace's
 * {@code reach} member): it cannot read the user's home (real files: ~/.bashrc, ~/.gitconfig, ~/.ssh) or the cargo
 * home's secrets (credentials.toml reads empty, config.toml's tokens redacted), cannot write outside its target
 * dir (the source, the cargo home, the folder around its target, /var/tmp) and has no network (TCP, DNS, UDP).
 */
class SandboxReachTest {

    @TempDir
    Path scratch;

    @Test
    void aBuildScriptReachesNoSecretNoOutsideWriteAndNoNetwork() throws IOException {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.isolation() == Sandbox.Isolation.BWRAP, "needs bwrap: the weak mode shows the home");
        RustToolchain real = RustToolchain.detect();
        // a cargo home of the test's own, with planted secrets (the user's own is never touched)
        Path cargoHome = Files.createDirectories(scratch.resolve("cargo-home"));
        Files.writeString(cargoHome.resolve("credentials.toml"), "[registry]\ntoken = \"cio-SECRET-credentials\"\n");
        // cargo must still parse the redacted copy (the build below reads it): values keep their TOML type
        Files.writeString(cargoHome.resolve("config.toml"), "[build]\njobs = 1\n[registry]\n"
                + "global-credential-providers = [\"cargo:token\", \"cio-SECRET-provider\"]\n"
                + "[registries.corp]\nindex = \"sparse+https://u:cio-SECRET-userinfo@corp.example/\"\n"
                + "credential-provider = [\"cio-SECRET-cmd\"]\ntoken = \"cio-SECRET-nested\"\n"
                + "[[registries.list]]\nsecret-key = 'cio-SECRET-array'\n");
        RustToolchain toolchain = new RustToolchain(real.sysroot(), cargoHome, real.version());
        Path workspace = TestFixtures.copyResource("hostile", scratch);
        Path home = Path.of(System.getProperty("user.home"));
        // beside the target dir in /tmp (the sandbox's /tmp is a private tmpfs: a write lands there, not here), and
        // in a host folder outside /tmp that the build is not given
        Path outsideTarget = scratch.resolve("pwned-beside-target");
        Path hostFolder = Files.createDirectories(Path.of("target", "reach-outside-" + ProcessHandle.current().pid())
                .toAbsolutePath());
        Path varTmp = Path.of("/var/tmp/loopscout-reach-" + ProcessHandle.current().pid());
        List<String> targets = new ArrayList<>();
        for (String f : List.of(".bashrc", ".gitconfig", ".profile", ".ssh/id_rsa", ".ssh/id_ed25519", ".npmrc",
                ".cargo/credentials.toml", ".cargo/credentials", ".git-credentials")) {
            targets.add("read " + home.resolve(f));
        }
        targets.add("list " + home);
        targets.add("list " + home.resolve(".ssh"));
        targets.add("read " + cargoHome.resolve("credentials.toml"));
        targets.add("show " + cargoHome.resolve("config.toml"));
        targets.add("write " + cargoHome.resolve("pwned"));
        targets.add("write " + cargoHome.resolve("config.toml"));
        targets.add("write " + workspace.resolve("reach/pwned"));
        targets.add("write " + outsideTarget);
        targets.add("write " + hostFolder.resolve("pwned"));
        targets.add("write " + varTmp);
        targets.add("write " + home.resolve(".bashrc"));
        Files.write(workspace.resolve("reach/reach-targets.txt"), targets);

        BuildResult built = new CargoBuild(sandbox, toolchain).build(workspace, workspace, scratch.resolve("target"),
                Variant.A, List.of("build", "--release", "-p", "reach", "-vv"), "", Limits.build());
        String log = built.result().log();
        assertTrue(built.ok(), built.result().detail() + "\n" + log);
        List<String> reach = log.lines().filter(l -> l.contains("REACH ")).map(l -> l.substring(l.indexOf("REACH ")))
                .distinct().collect(Collectors.toList());
        assertEquals(targets.size() + 3, reach.size(), "one line per attempt:\n" + String.join("\n", reach));
        for (String line : reach) {
            boolean emptyCredentials = line.startsWith("REACH read " + cargoHome.resolve("credentials.toml"))
                    && line.endsWith("ok: 0 bytes");
            boolean redactedConfig = line.startsWith("REACH show ");
            boolean privateTmp = line.startsWith("REACH write /tmp/"); // checked on the host below
            assertTrue(line.contains(" denied: ") || emptyCredentials || redactedConfig || privateTmp,
                    "the build script reached: " + line + "\n" + String.join("\n", reach));
        }
        assertFalse(log.contains("cio-SECRET"), "a planted secret reached the log:\n" + log);
        assertTrue(log.contains("jobs = 1"), "the config's other settings stay readable:\n" + log);
        for (Path written : List.of(cargoHome.resolve("pwned"), workspace.resolve("reach/pwned"), outsideTarget,
                hostFolder.resolve("pwned"), varTmp)) {
            assertFalse(Files.exists(written), "written on the host: " + written);
        }
        assertFalse(Files.readString(home.resolve(".bashrc")).contains("pwned"), "~/.bashrc changed");
        assertTrue(Files.readString(cargoHome.resolve("credentials.toml")).contains("cio-SECRET"));
        Files.delete(hostFolder);
    }
}
