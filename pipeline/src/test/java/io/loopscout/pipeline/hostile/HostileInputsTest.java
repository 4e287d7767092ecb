package io.loopscout.pipeline.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopscout.pipeline.acquire.TestRepos;
import io.loopscout.pipeline.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input/output half of the hostile corpus, through real pipeline runs over real git repositories made with
 * JGit: a repository with hostile names, code, symlinks, non-UTF-8, huge and deeply nested files; a git blob bomb;
 * a repository with more files than the cap. Two control projects run beside them and their results must be
 * exactly those of a clean run. Then runs killed with SIGKILL at acquisition, extraction and report writing
 * leave no mixed output set, and the next run over the same cache gives the same outputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputsTest {

    /** Low caps so the bomb and the many-files repository pass them while the others stay well under. */
    private static final List<String> CAPS = List.of("--max-files", "200", "--max-bytes", "16M");
    private static final String CSV_FORMULA_NAME = "=cmd|' -C calc'!A0.rs";
    private static final String HTML_NAME = "<img src=x onerror=alert(1)>.rs";

    @TempDir
    static Path tmp;
    Path manifest;
    Path reference;
    List<String> controlRows;

    @BeforeAll
    void createRepositoriesAndRunOnce() throws Exception {
        TestRepos rust = TestRepos.init(tmp.resolve("tokenizer"));
        String rustSha = rust.commit("tokenizer", TestRepos.resourceTree("e2e/rust-tokenizer")).name();
        TestRepos c = TestRepos.init(tmp.resolve("decoder"));
        String cSha = c.commit("decoder", TestRepos.resourceTree("e2e/c-decoder")).name();
        controlRows = List.of(
                "decoder," + cSha + ",c,decoder.c,12,30,decode,c/switch-state-loop,3,3,0,1,3,,,,0,,,,,",
                "tokenizer," + rustSha + ",rust,src/lib.rs,15,42,count_words,rust/state-loop,3,4,0,0,2,enum,true,,0,,,,,");

        Map<String, String> hostileFiles = new LinkedHashMap<>();
        String injection = TestRepos.resourceTree("hostile").get("injection.rs");
        hostileFiles.put(CSV_FORMULA_NAME, injection);
        hostileFiles.put("src/" + HTML_NAME, injection);
        hostileFiles.put("src/deep.rs", TestRepos.resourceTree("hostile").get("deep_loop.rs")
                + "{".repeat(5000) + "}".repeat(5000) + "\n    }\n}\n");
        hostileFiles.put("src/huge.rs", "// filler\n".repeat(300_000)); // 3 MB: over the 2 MB per-file cap
        TestRepos hostile = TestRepos.init(tmp.resolve("hostile"));
        hostile.commit("hostile names and code", hostileFiles);
        hostile.commitBytes("latin-1", "src/latin1.c", "/* caf\u00e9 */\nint f(void) { return 1; }\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        hostile.symlink("src/escape.rs", "../../../../etc/hostname");
        hostile.symlink("src/etc", "/etc");

        TestRepos bomb = TestRepos.init(tmp.resolve("bomb"));
        bomb.commit("small", Map.of("src/lib.rs", "pub fn f() {}\n"));
        bomb.commitBytes("64 MiB of zeros: a few KB in git", "data/zeros.bin", new byte[64 << 20]);

        TestRepos many = TestRepos.init(tmp.resolve("many"));
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            files.put(String.format("src/m%03d.rs", i), "pub fn f" + i + "() {}\n");
        }
        many.commit("300 files", files);

        manifest = tmp.resolve("manifest.yaml");
        StringBuilder m = new StringBuilder("projects:\n");
        for (TestRepos r : List.of(rust, c, hostile, bomb, many)) {
            String id = Path.of(r.url().substring("file://".length())).getFileName().toString();
            m.append("  - id: ").append(id).append("\n    language: mixed\n    source: { git: \"")
                    .append(r.url()).append("\", rev: main }\n");
        }
        Files.writeString(manifest, m.toString().replace("id: tokenizer\n    language: mixed",
                "id: tokenizer\n    language: rust").replace("id: decoder\n    language: mixed",
                "id: decoder\n    language: c"));
        reference = tmp.resolve("reference");
        assertEquals(0, Main.execute(args(reference, tmp.resolve("cache-reference"))));
    }

    private String[] args(Path out, Path cache) {
        List<String> a = new ArrayList<>(List.of("run", "--manifest", manifest.toString(), "--out", out.toString(),
                "--cache", cache.toString()));
        a.addAll(CAPS);
        return a.toArray(String[]::new);
    }

    @Test
    void controlsAreIntactAndEveryHostileInputIsContainedAndCounted() throws Exception {
        List<String> findings = Files.readAllLines(reference.resolve("findings.csv"), StandardCharsets.UTF_8);
        for (String row : controlRows) {
            assertTrue(findings.contains(row), "control row " + row + " in\n" + String.join("\n", findings));
        }
        // the hostile state machines are found (under both names), the formula-like name defused
        assertTrue(findings.stream().anyMatch(r -> r.contains(",\"'" + CSV_FORMULA_NAME.replace("\"", "\"\"")
                + "\",") || r.contains(",'" + CSV_FORMULA_NAME + ",")), String.join("\n", findings));
        assertFalse(findings.stream().anyMatch(r -> r.contains("," + CSV_FORMULA_NAME)), "formula cell not escaped");
        assertEquals(2, findings.stream().filter(r -> r.startsWith("hostile,")).count(), String.join("\n", findings));

        List<String> failures = Files.readAllLines(reference.resolve("failures.csv"), StandardCharsets.UTF_8);
        assertEquals(3, failures.size(), String.join("\n", failures));
        assertTrue(failures.get(1).startsWith("bomb,list-files,input-capped,"), failures.get(1));
        assertTrue(failures.get(1).contains("--max-bytes"), failures.get(1));
        assertTrue(failures.get(2).startsWith("many,list-files,input-capped,"), failures.get(2));
        assertTrue(failures.get(2).contains("--max-files"), failures.get(2));

        String runJson = Files.readString(reference.resolve("run.json"));
        for (String count : List.of("\"projects\" : 5", "\"symlinks_refused\" : 2", "\"files_skipped_too_large\" : 1",
                "\"not_utf8\" : 1", "\"too_deep\" : 1", "\"extractor_error\" : 0")) {
            assertTrue(runJson.contains(count), count + " in\n" + runJson);
        }

        String html = Files.readString(reference.resolve("report.html"));
        for (String raw : List.of("<img src=x onerror", "<script>alert(", "</script><script>")) {
            assertFalse(html.contains(raw), "raw corpus text in report.html: " + raw);
        }
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the hostile name is shown, escaped");

        JsonNode sarif = new ObjectMapper().readTree(reference.resolve("findings.sarif").toFile());
        List<String> uris = new ArrayList<>();
        sarif.at("/runs/0/results").forEach(r -> uris.add(
                r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertTrue(uris.stream().anyMatch(u -> u.contains("img") && !u.contains("<")), "uri encoded: " + uris);
        assertEquals(4, uris.size(), uris.toString());
    }

    @Test
    void runsKilledWhileAcquiringExtractingOrWritingLeaveNoMixedSetAndTheNextRunIsComplete() throws Exception {
        Path out = tmp.resolve("killed-out");
        Path cache = tmp.resolve("killed-cache");
        List<String> killedAt = new ArrayList<>();
        for (String moment : List.of("acquire", "extract", "writing")) {
            Process run = startRun(out, cache);
            Path staging = out.resolveSibling(".killed-out.tmp-" + run.pid());
            CompletableFuture<Boolean> seen = watchFor(run, moment.equals("writing") ? null : moment);
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (run.isAlive() && System.nanoTime() < until && !(moment.equals("writing")
                    ? Files.exists(staging) : seen.getNow(false))) {
                Thread.sleep(5);
            }
            if (run.isAlive()) {
                killedAt.add(moment);
                run.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            }
            run.waitFor();
            assertCompleteOrAbsent(out, moment);
        }
        assertEquals(0, Main.execute(args(out, cache)), "the next run over the killed runs' cache");
        for (String file : List.of("findings.csv", "failures.csv", "projects.csv")) {
            assertEquals(Files.readString(reference.resolve(file)), Files.readString(out.resolve(file)),
                    file + " after kills at " + killedAt);
        }
        assertFalse(killedAt.isEmpty(), "no run was killed while working");
        System.out.println("killed at: " + killedAt);
    }

    /** {@code out} after a kill: absent, or one complete set (run.json written last, every file present). */
    private static void assertCompleteOrAbsent(Path out, String moment) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        List<String> names = new ArrayList<>();
        try (var s = Files.list(out)) {
            s.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        assertEquals(List.of("changes.csv", "failures.csv", "findings.csv", "findings.sarif", "projects.csv",
                "report.html", "run.json"), names, "a complete set or none after a kill at " + moment);
    }

    private Process startRun(Path out, Path cache) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args(out, cache)));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Completes true when the run's output shows a project in {@code stage} (null: never; output drained). */
    private static CompletableFuture<Boolean> watchFor(Process run, String stage) {
        CompletableFuture<Boolean> seen = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(run.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (stage != null && (line.contains(stage + ": ") || line.contains("/" + stage))) {
                        seen.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
            seen.complete(false);
        });
        t.setDaemon(true);
        t.start();
        return seen;
    }
}
