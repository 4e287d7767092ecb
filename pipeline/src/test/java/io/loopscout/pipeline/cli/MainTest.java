package io.loopscout.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses of design.md: 0 completed, 2 bad usage or invalid manifest. */
class MainTest {

    @TempDir
    Path tmp;

    @Test
    void invalidManifestExitsWithTwo() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "projects:\n  - id: X\n");
        assertEquals(2, Main.execute("validate", bad.toString()));
        assertEquals(2, Main.execute("run", "--manifest", bad.toString(), "--out", tmp.resolve("o").toString()));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, Main.execute("frobnicate"));
        assertEquals(2, Main.execute("run", "--measure", "guess"));
        assertEquals(2, Main.execute("scan", tmp.resolve("missing").toString()));
    }

    /** Runs the command line with stdout and stderr captured. */
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome capture(String... args) {
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Outcome(status, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        Outcome o = capture();
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("Usage: loopscout"), o.err());
    }

    @Test
    void flinkMasterNeedsTheFlinkRunnerAndHostPort() throws Exception {
        Path ok = Files.writeString(tmp.resolve("ok.yaml"),
                "projects:\n  - id: a\n    language: rust\n    source: { path: . }\n");
        Outcome direct = capture("run", "--manifest", ok.toString(), "--flink-master", "localhost:8081");
        assertEquals(2, direct.status());
        assertEquals("loopscout: --flink-master needs --runner FlinkRunner\n", direct.err());
        Outcome noPort = capture("run", "--manifest", ok.toString(), "--runner", "FlinkRunner",
                "--flink-master", "localhost");
        assertEquals(2, noPort.status());
        assertEquals("loopscout: --flink-master must be HOST:PORT, not 'localhost'\n", noPort.err());
    }

    @Test
    void outThatIsAFileIsOnePlainSentence() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Path ok = Files.writeString(tmp.resolve("ok.yaml"),
                "projects:\n  - id: a\n    language: rust\n    source: { path: . }\n");
        for (Outcome o : List.of(capture("run", "--manifest", ok.toString(), "--out", file.toString()),
                capture("scan", tmp.toString(), "--out", file.toString()))) {
            assertEquals(2, o.status());
            assertEquals("loopscout: --out " + file + " exists and is not a directory\n", o.err());
        }
    }

    @Test
    void missingManifestSaysNoSuchFile() {
        Path nope = tmp.resolve("nope.yaml");
        Outcome run = capture("run", "--manifest", nope.toString());
        assertEquals(2, run.status());
        assertEquals("loopscout: " + nope + ": no such file\n", run.err());
        Outcome validate = capture("validate", nope.toString());
        assertEquals(2, validate.status());
        assertEquals("loopscout: " + nope + ": no such file\n", validate.err());
    }

    @Test
    void helpListsExitCodesAndTiersWithoutBreakingWords() {
        for (String command : List.of("", "run", "scan", "rewrite", "validate")) {
            Outcome o = command.isEmpty() ? capture("--help") : capture(command, "--help");
            assertEquals(0, o.status());
            for (String line : o.out().split("\n")) {
                assertTrue(line.length() <= Main.HELP_WIDTH, "fits the help width: " + line);
                assertFalse(line.matches(".*(#|cfg|failures\\.)$"), "a word broken at the line end: " + line);
            }
            if (!command.equals("validate") && !command.equals("rewrite")) {
                assertTrue(o.out().contains("Exit status:"), o.out());
                assertTrue(o.out().contains("  3   with --fail-exit"), o.out());
            }
        }
        String main = capture("--help").out();
        assertTrue(main.contains("#[loop_match] form"), main);
        for (String tier : List.of("  static ", "  model ", "  project ")) {
            assertTrue(main.contains(tier), tier + " in " + main);
        }
        assertTrue(capture("run", "--help").out().contains("Evidence tiers"));
    }

    @Test
    void terminalEscapesInAManifestArePrintedAsTextNotSentToTheTerminal() throws Exception {
        Path bad = tmp.resolve("esc.yaml");
        // a YAML double-quoted scalar may hold ESC (\e), BEL, a newline and a bidi override
        Files.writeString(bad, "projects:\n  - id: \"\\e]0;pwned\\a\\e[2J\\nx\\u202e\"\n    language: rust\n"
                + "    source: { path: . }\n");
        for (String[] args : List.of(new String[] {"validate", bad.toString()},
                new String[] {"run", "--manifest", bad.toString()})) {
            Outcome o = capture(args);
            assertEquals(2, o.status(), o.err());
            assertFalse(o.err().chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x202e), o.err());
            assertTrue(o.err().contains("\\x1b]0;pwned\\x07\\x1b[2J\\nx\\u202e"), o.err());
        }
    }

    @Test
    void terminalTextEscapesControlsAndKeepsTheRest() {
        assertEquals("src/a\\nb.rs caf\u00e9 \\x1b[31m \\x9b \\u2066",
                TerminalText.shown("src/a\nb.rs caf\u00e9 \u001b[31m \u009b \u2066"));
    }

    @Test
    void scanRefusesSystemDirectoriesWithTheManifestsRuleInsteadOfAnInternalError() {
        for (String dir : List.of("/", "/proc", "/etc")) {
            Outcome o = capture("scan", dir, "--out", tmp.resolve("out-scan").toString());
            assertEquals(2, o.status(), dir + ": " + o.err());
            assertTrue(o.err().contains("is a system directory or a whole home"), o.err());
            assertFalse(o.err().contains("internal error"), o.err());
        }
    }

    @Test
    void validManifestValidates() throws Exception {
        Path ok = tmp.resolve("ok.yaml");
        Files.writeString(ok, "projects:\n  - id: a\n    language: rust\n    source: { path: . }\n");
        assertEquals(0, Main.execute("validate", ok.toString()));
        assertEquals(2, Main.execute("run", "--manifest", ok.toString(), "--only", "nope"));
    }

    @Test
    void failExitTurnsARunWithFailuresIntoExitThree() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/src"));
        Files.writeString(src.resolve("lib.rs"), "pub fn f() {}\n");
        Path manifest = tmp.resolve("m.yaml");
        Files.writeString(manifest, "projects:\n"
                + "  - id: fine\n    language: rust\n    source: { path: " + tmp.resolve("src") + " }\n"
                + "  - id: gone\n    language: rust\n    source: { git: \"file://" + tmp.resolve("no-repo") + "\" }\n");
        Path out = tmp.resolve("out");
        assertEquals(3, Main.execute("run", "--manifest", manifest.toString(), "--out", out.toString(),
                "--cache", tmp.resolve("cache").toString(), "--fail-exit"));
        assertEquals("complete-with-failures", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("run.json").toFile()).get("status").asText());
        assertTrue(Files.readString(out.resolve("report.html")).contains("No baseline"), "a first run");

        // the second run compares with the first, which it moved into history
        assertEquals(0, Main.execute("run", "--manifest", manifest.toString(), "--out", out.toString(),
                "--cache", tmp.resolve("cache").toString()));
        assertEquals("\uFEFFchange,subject,project,file,function,pattern,ordinal,line,field,before,after\r\n",
                Files.readString(out.resolve("changes.csv")), "nothing changed");
        assertTrue(Files.readString(out.resolve("report.html")).contains("Compared with <code>" + out.toAbsolutePath()),
                "the previous outputs are the default baseline");
        assertEquals(2, Main.execute("run", "--manifest", manifest.toString(), "--out", out.toString(),
                "--baseline", tmp.resolve("nothing-here").toString()));
    }

    @Test
    void shippedDefaultManifestIsValid() {
        Path shipped = Path.of("..", "corpus-manifest", "default.yaml");
        assertEquals(0, Main.execute("validate", shipped.toString()));
    }
}
