package io.loopscout.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopscout.runner.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent fallback (shared/measurement.md, Sandbox): with bwrap unusable (a --bwrap that does not exist),
 * commands that build corpus code refuse before anything runs, unless --sandbox weak opts in; then stderr,
 * run.json and report.html say so.
 */
class SandboxCliTest {
    private static final String NO_BWRAP = "/nonexistent/loopscout-test/bwrap";

    @TempDir
    Path tmp;

    @Test
    void projectTierRunRefusesWithoutBwrapBeforeAnythingRuns() throws IOException {
        Path manifest = manifest();
        Path out = tmp.resolve("out");
        Result r = execute("run", "--manifest", manifest.toString(), "--out", out.toString(), "--cache",
                tmp.resolve("cache").toString(), "--measure", "project", "--bwrap", NO_BWRAP);
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("no sandbox, nothing was run") && r.err.contains("--sandbox weak"), r.err);
        assertFalse(Files.exists(out), "no output was written");
        assertFalse(Files.exists(tmp.resolve("cache")), "nothing was acquired");
    }

    @Test
    void rewriteRefusesWithoutBwrapAndLeavesTheCrateAlone() throws IOException {
        Path crate = copy("e2e/rust-tokenizer", tmp.resolve("crate"));
        String before = Files.readString(crate.resolve("src/lib.rs"));
        Result r = execute("rewrite", crate.toString(), "--bwrap", NO_BWRAP);
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains(NO_BWRAP + " does not work here"), r.err);
        assertEquals(before, Files.readString(crate.resolve("src/lib.rs")));
    }

    @Test
    void weakModeIsAnExplicitOptInThatWarnsAndBuilds() throws IOException {
        assumeTrue(Sandbox.detect(Sandbox.Mode.WEAK, NO_BWRAP).isolation() == Sandbox.Isolation.UNSHARE_NET,
                "unshare -n does not work here");
        Path crate = copy("e2e/rust-tokenizer", tmp.resolve("crate"));
        Result r = execute("rewrite", crate.toString(), "--check", "--sandbox", "weak", "--bwrap", NO_BWRAP);
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("WARNING: weak sandbox") && r.err.contains("NOT isolated"), r.err);
        assertTrue(r.out.contains("rewritten"), r.out);
    }

    @Test
    void runJsonAndReportSayWhenTheWeakSandboxIsInUse() throws IOException {
        assumeTrue(Sandbox.detect(Sandbox.Mode.WEAK, NO_BWRAP).isolation() == Sandbox.Isolation.UNSHARE_NET,
                "unshare -n does not work here");
        Path out = tmp.resolve("out");
        Result r = execute("run", "--manifest", manifest().toString(), "--out", out.toString(), "--cache",
                tmp.resolve("cache").toString(), "--sandbox", "weak", "--bwrap", NO_BWRAP);
        assertEquals(0, r.status, r.err);
        String runJson = Files.readString(out.resolve("run.json"));
        assertTrue(runJson.contains("\"sandbox\" : \"WEAK: unshare -n"), runJson);
        assertTrue(Files.readString(out.resolve("report.html")).contains("WEAK: unshare -n"));
    }

    @Test
    void badSandboxOptionsAreUsageErrors() {
        assertEquals(2, execute("rewrite", tmp.toString(), "--sandbox", "loose").status);
        assertEquals(2, execute("run", "--disk-quota", "lots").status);
        assertEquals(2, execute("run", "--build-timeout", "0").status);
        assertEquals(2L << 30, CliArgs.bytes("2G"));
        assertEquals(512L << 20, CliArgs.bytes("512MiB"));
        assertEquals(4096, CliArgs.bytes("4096"));
    }

    private Path manifest() throws IOException {
        Path crate = copy("e2e/rust-tokenizer", tmp.resolve("project"));
        Path m = tmp.resolve("manifest.yaml");
        Files.writeString(m, """
                projects:
                  - id: tokenizer
                    language: rust
                    source: { path: "%s" }
                    bench: { command: "cargo run --release" }
                """.formatted(crate));
        return m;
    }

    private static Path copy(String resource, Path to) throws IOException {
        Path src;
        try {
            src = Path.of(SandboxCliTest.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    private record Result(int status, String out, String err) {
    }

    private static synchronized Result execute(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Result(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
