package io.loopscout.runner.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.runner.TestFixtures;
import io.loopscout.runner.build.BuildResult;
import io.loopscout.runner.sandbox.SandboxResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox against the hostile fixture projects (src/test/resources/hostile): each is classified. */
class SandboxTest {
    private static final Limits SMALL = new Limits(Duration.ofSeconds(20), Duration.ofSeconds(20), 256L << 20, 32,
            64 * 1024);

    @TempDir
    static Path scratch;
    static Sandbox sandbox;
    static Path workspace;
    static Path target;
    static BuildResult built;

    @BeforeAll
    static void buildHostileWorkspace() throws IOException {
        sandbox = Sandbox.detect();
        workspace = TestFixtures.copyResource("hostile", scratch);
        target = scratch.resolve("target");
        built = HostileFixtures.build(sandbox, workspace, target, List.of("sleeper", "hog", "forker", "escape"));
    }

    @Test
    void detectsBubblewrapWhereInstalledAndSaysSo() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bubblewrap is not installed");
        assertEquals(Sandbox.Isolation.BWRAP, sandbox.isolation(), sandbox.method());
        assertTrue(sandbox.method().startsWith("bwrap"), sandbox.method());
    }

    @Test
    void buildsTheHarmlessMembersOffline() {
        assertTrue(built.ok(), built.result().detail() + "\n" + built.result().log());
        assertEquals(4, built.executables().size(), built.executables().toString());
    }

    @Test
    void buildScriptThatOpensATcpConnectionIsNetworkBlocked() throws IOException {
        BuildResult r = HostileFixtures.build(sandbox, workspace, scratch.resolve("target-net"), List.of("net-build"));
        assertEquals(Outcome.NETWORK_BLOCKED, r.result().outcome(), r.result().log());
        Failure f = r.result().toFailure("hostile", "measure", FailureClass.BUILD_FAIL, "build A");
        assertEquals(FailureClass.NETWORK_BLOCKED, f.failureClass());
    }

    @Test
    void benchmarkThatSleepsForeverTimesOut() {
        SandboxResult r = runMember("sleeper", SMALL.withWallTime(Duration.ofSeconds(2)));
        assertEquals(Outcome.TIMEOUT, r.outcome(), r.detail());
        assertTrue(r.wall().toMillis() < 8000, r.wall().toString());
        assertTrue(r.log().contains("sleeping forever"), r.log());
        assertEquals(FailureClass.TIMEOUT, r.failureClass(FailureClass.BENCH_FAIL));
    }

    @Test
    void silentBenchmarkIsStoppedByTheNoOutputWatchdog() {
        SandboxResult r = runMember("sleeper", SMALL.withIdleTimeout(Duration.ofMillis(1500)));
        assertEquals(Outcome.SILENT_TIMEOUT, r.outcome(), r.detail());
        assertEquals(FailureClass.TIMEOUT, r.failureClass(FailureClass.BENCH_FAIL));
    }

    @Test
    void benchmarkThatAllocatesTenGigabytesIsOom() {
        SandboxResult r = runMember("hog", SMALL);
        assertEquals(Outcome.OOM, r.outcome(), r.detail() + "\n" + r.log());
        assertFalse(r.log().contains("did NOT hold"));
        assertEquals(FailureClass.OOM, r.failureClass(FailureClass.BENCH_FAIL));
    }

    @Test
    void forkLoopIsStoppedAtTheProcessLimit() {
        assumeTrue(sandbox.enforcesProcessLimit(), "no cgroups and uid 0: " + sandbox.method());
        SandboxResult r = runMember("forker", SMALL);
        assertEquals(Outcome.PROCESS_LIMIT, r.outcome(), r.detail() + "\n" + r.log());
        assertFalse(r.log().contains("did NOT hold"));
        assertEquals(FailureClass.BENCH_FAIL, r.failureClass(FailureClass.BENCH_FAIL));
        assertTrue(r.detail().contains("process limit of 32"), r.detail());
    }

    @Test
    void writeOutsideItsDirectoryIsRefused() {
        SandboxResult r = runMember("escape", SMALL);
        assertEquals(Outcome.WRITE_REFUSED, r.outcome(), r.detail() + "\n" + r.log());
        assertFalse(Files.exists(workspace.resolve("escape/escaped.txt")));
        Failure f = r.toFailure("hostile", "measure", FailureClass.BENCH_FAIL, "run A");
        assertEquals(FailureClass.BENCH_FAIL, f.failureClass());
        assertTrue(f.message().contains("refused"), f.message());
    }

    @Test
    void writesInsideTheWritableDirectorySucceed() throws IOException {
        Path out = Files.createDirectories(scratch.resolve("run-ok"));
        SandboxResult r = sandbox.run(SandboxCommand.of(List.of(exe("escape").toString()))
                .workDir(out).readOnly(target).writable(out)
                .env("PATH", "/usr/bin:/bin").env("ESCAPE_TO", out.resolve("ok.txt").toString())
                .limits(SMALL).build());
        assertEquals(Outcome.OK, r.outcome(), r.detail() + "\n" + r.log());
        assertEquals("escaped", Files.readString(out.resolve("ok.txt")));
    }

    @Test
    void aCommandWithoutNetworkSeesTheCargoHomeButNotItsRegistryToken() throws IOException {
        assumeTrue(sandbox.isolation() == Sandbox.Isolation.BWRAP, "the weak mode shows the whole file system");
        Path home = Files.createDirectories(scratch.resolve("cargo-home"));
        Files.writeString(home.resolve("credentials.toml"), "[registry]\ntoken = \"cio-SECRET-1\"\n");
        Files.writeString(home.resolve("real-credentials"), "token = \"cio-SECRET-2\"\n");
        Files.createSymbolicLink(home.resolve("credentials"), home.resolve("real-credentials"));
        Files.writeString(home.resolve("config.toml"), "[build]\njobs = 1\n");
        String script = "cat \"$CARGO_HOME/config.toml\" \"$CARGO_HOME/credentials.toml\" \"$CARGO_HOME/credentials\" "
                + "\"$CARGO_HOME/real-credentials\"; echo end";
        SandboxResult r = sandbox.run(SandboxCommand.of(List.of("/bin/sh", "-c", script)).readOnly(home)
                .env("PATH", "/usr/bin:/bin").env("CARGO_HOME", home.toString()).limits(SMALL).build());
        assertEquals(Outcome.OK, r.outcome(), r.detail() + "\n" + r.log());
        assertTrue(r.log().contains("jobs = 1") && r.log().contains("end"), r.log());
        assertFalse(r.log().contains("cio-SECRET"), "a build script read the registry token:\n" + r.log());
        assertTrue(Files.readString(home.resolve("credentials.toml")).contains("cio-SECRET-1"), "host file intact");
    }

    @Test
    void registryTokensInTheCargoConfigAreRedactedAtAnyDepth() throws IOException {
        assumeTrue(sandbox.isolation() == Sandbox.Isolation.BWRAP, "the weak mode shows the whole file system");
        Path home = Files.createDirectories(scratch.resolve("cargo-home-nested"));
        // every place cargo's config can hold a secret: top-level tables, tables in tables, dotted keys, quoted
        // keys, inline tables, arrays of tables, multi-line strings, credential-provider arrays, proxy userinfo
        Files.writeString(home.resolve("config.toml"), """
                [build]
                jobs = 1
                [registry]
                token = "cio-SECRET-top"
                [registries.corp]
                index = "sparse+https://ci:cio-SECRET-userinfo@corp.example/index/"
                token = 'cio-SECRET-literal'
                secret-key = \"""
                cio-SECRET-multiline\"""
                credential-provider = ["cargo:token-from-stdout", "print", "cio-SECRET-provider"]
                [registries.deep.inner]
                "token" = "cio-SECRET-quoted"
                [[registries.list]]
                name = "first"
                token = "cio-SECRET-array-of-tables"
                [http]
                proxy = "http://user:cio-SECRET-proxy@proxy.example:3128"
                [source]
                registries.other.token = "cio-SECRET-dotted"
                mirror = { index = "https://m.example", token = "cio-SECRET-inline", nested = { auth-token = "cio-SECRET-nested" } }
                """);
        Files.writeString(home.resolve("config"), "[registries.old]\ntoken = \"cio-SECRET-legacy\"\n");
        SandboxResult r = sandbox.run(SandboxCommand.of(List.of("/bin/sh", "-c",
                        "cat \"$CARGO_HOME/config.toml\" \"$CARGO_HOME/config\"; echo end")).readOnly(home)
                .env("PATH", "/usr/bin:/bin").env("CARGO_HOME", home.toString()).limits(SMALL).build());
        assertEquals(Outcome.OK, r.outcome(), r.detail() + "\n" + r.log());
        assertTrue(r.log().contains("jobs = 1") && r.log().contains("name = \"first\"")
                && r.log().contains("corp.example/index/") && r.log().contains("end"), r.log());
        assertFalse(r.log().contains("cio-SECRET"), "a build script read a registry secret:\n" + r.log());
        assertTrue(Files.readString(home.resolve("config.toml")).contains("cio-SECRET-top"), "host file intact");
    }

    @Test
    void aDaemonThatOutlivesItsCommandIsKilledWithIt() throws Exception {
        assumeTrue(sandbox.isolation() == Sandbox.Isolation.BWRAP, "the weak mode has no pid namespace");
        String sleep = "sleep 317." + ProcessHandle.current().pid(); // a command line no other process has
        SandboxResult r = sandbox.run(SandboxCommand.of(List.of("/bin/sh", "-c",
                        "setsid sh -c 'exec " + sleep + "' </dev/null >/dev/null 2>&1 & echo started")).limits(SMALL)
                .env("PATH", "/usr/bin:/bin").build());
        assertEquals(Outcome.OK, r.outcome(), r.detail() + "\n" + r.log());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        boolean alive = true;
        while (alive && System.nanoTime() < deadline) {
            alive = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(sleep));
            if (alive) {
                Thread.sleep(100);
            }
        }
        assertFalse(alive, "the daemon outlived its sandbox: " + sleep);
    }

    @Test
    void sandboxHasNoNetworkAndAPrivateTmp() throws IOException {
        Path marker = Files.writeString(Path.of("/tmp", "loopscout-host-marker-" + ProcessHandle.current().pid()),
                "host");
        try {
            SandboxResult r = sandbox.run(SandboxCommand.of(List.of("/bin/sh", "-c",
                            "ls /tmp; cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '"))
                    .limits(SMALL).build());
            assertEquals(Outcome.OK, r.outcome(), r.detail() + r.log());
            assertFalse(r.log().contains("loopscout-host-marker"), r.log());
            assertEquals("lo", r.log().strip(), "only the loopback interface exists");
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void cpuTimeCountsWorkNotWaiting() {
        SandboxResult sleeping = sandbox.run(SandboxCommand.of(List.of("/bin/sh", "-c", "sleep 1"))
                .env("PATH", "/usr/bin:/bin").limits(SMALL).build());
        assumeTrue(sleeping.cpu() != null, "no CPU accounting here: " + sandbox.method());
        assertTrue(sleeping.wall().toMillis() >= 1000);
        assertTrue(sleeping.cpu().toMillis() < 200, sleeping.cpu().toString());
        SandboxResult busy = sandbox.run(SandboxCommand.of(List.of("/bin/sh", "-c",
                        "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done"))
                .env("PATH", "/usr/bin:/bin").limits(SMALL).build());
        assertTrue(busy.cpu().toMillis() > 50, busy.cpu() + " of " + busy.wall());
        assertTrue(busy.cpu().toNanos() <= busy.wall().toNanos() * 1.05, busy.cpu() + " of " + busy.wall());
    }

    @Test
    void logIsCappedKeepingHeadAndTail() {
        SandboxResult r = sandbox.run(SandboxCommand.of(List.of("/bin/sh", "-c",
                        "echo FIRST; head -c 200000 /dev/zero | tr '\\0' x; echo; echo LAST"))
                .limits(SMALL.withLogCapBytes(4096)).build());
        assertEquals(Outcome.OK, r.outcome());
        assertTrue(r.logTruncated());
        assertTrue(r.log().length() < 4200, "length " + r.log().length());
        assertTrue(r.log().startsWith("FIRST"));
        assertTrue(r.log().strip().endsWith("LAST"));
    }

    @Test
    void missingBindIsASandboxErrorNotAnException() {
        SandboxResult r = sandbox.run(SandboxCommand.of(List.of("true"))
                .readOnly(Path.of("/nonexistent/loopscout")).build());
        assertEquals(Outcome.SANDBOX_ERROR, r.outcome());
        assertEquals(FailureClass.SANDBOX_ERROR, r.failureClass(FailureClass.BENCH_FAIL));
    }

    @Test
    void unshareFallbackStillBlocksTheNetworkAndSaysWhatItLacks() throws IOException {
        Sandbox fallback = Sandbox.unshareFallback();
        assumeTrue(fallback.isolation() == Sandbox.Isolation.UNSHARE_NET, "unshare -n does not work here");
        assertTrue(fallback.method().contains("NOT isolated"), fallback.method());
        BuildResult r = HostileFixtures.build(fallback, workspace, scratch.resolve("target-net2"),
                List.of("net-build"));
        assertEquals(Outcome.NETWORK_BLOCKED, r.result().outcome(), r.result().log());
        SandboxResult t = fallback.run(SandboxCommand.of(List.of(exe("sleeper").toString()))
                .workDir(scratch).limits(SMALL.withWallTime(Duration.ofSeconds(1))).build());
        assertEquals(Outcome.TIMEOUT, t.outcome());
    }

    @Test
    void withoutCgroupsPrlimitStillStopsTheTenGigabyteAllocation() {
        Sandbox rlimitOnly = Sandbox.detect(false);
        assertTrue(rlimitOnly.method().contains("prlimit"), rlimitOnly.method());
        SandboxResult r = rlimitOnly.run(SandboxCommand.of(List.of(exe("hog").toString()))
                .workDir(scratch).readOnly(target).env("PATH", "/usr/bin:/bin").limits(SMALL).build());
        assertEquals(Outcome.OOM, r.outcome(), r.detail() + "\n" + r.log());
        assertTrue(r.log().contains("memory allocation of 10737418240 bytes failed"), r.log());
    }

    @Test
    void failedRunKeepsItsExitStatus() {
        SandboxResult r = sandbox.run(SandboxCommand.of(List.of("/bin/sh", "-c", "echo boom; exit 7"))
                .limits(SMALL).build());
        assertEquals(Outcome.FAILED, r.outcome());
        assertEquals(7, r.exitCode());
        assertNotEquals("", r.toFailure("p", "measure", FailureClass.BENCH_FAIL, "run").message());
        assertTrue(r.toFailure("p", "measure", FailureClass.BENCH_FAIL, "run").message().contains("boom"));
    }

    private static Path exe(String member) {
        return target.resolve("release").resolve(member);
    }

    private static SandboxResult runMember(String member, Limits limits) {
        Path work = scratch.resolve("work-" + member + "-" + System.nanoTime());
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sandbox.run(SandboxCommand.of(List.of(exe(member).toString()))
                .workDir(work).readOnly(workspace).readOnly(target).writable(work)
                .env("PATH", "/usr/bin:/bin").limits(limits).build());
    }

}
