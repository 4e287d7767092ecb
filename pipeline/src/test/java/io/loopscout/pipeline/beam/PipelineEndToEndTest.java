package io.loopscout.pipeline.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.pipeline.acquire.TestRepos;
import io.loopscout.pipeline.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline over two real git repositories (one Rust, one C, created with JGit and cloned through
 * file:// URLs) and one that does not exist, on the direct runner and on an embedded Flink cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndTest {

    @TempDir
    static Path tmp;
    String rustSha;
    String cSha;
    Path manifest;

    @BeforeAll
    void createRepositories() throws Exception {
        TestRepos rust = TestRepos.init(tmp.resolve("tokenizer"));
        rustSha = rust.commit("tokenizer", TestRepos.resourceTree("e2e/rust-tokenizer")).name();
        TestRepos c = TestRepos.init(tmp.resolve("decoder"));
        RevCommit tagged = c.commit("decoder", TestRepos.resourceTree("e2e/c-decoder"));
        c.tag("v1");
        c.commit("after the tag", Map.of("decoder.c", "/* rewritten after v1: no state machine */\nint f(void) { return 0; }\n"));
        cSha = tagged.name();
        TestRepos messy = TestRepos.init(tmp.resolve("messy"));
        messy.commit("huge and deep", Map.of(
                "src/huge.rs", "// filler\n".repeat(300_000), // 3.3 MB: over the 2 MB cap
                // a loop and a match: a file the prefilter lets through to the parse, where the depth guard acts
                "src/deep.rs", "fn deep(s: u8) { loop { match s { _ => {} } " + "{".repeat(20_000) + "}".repeat(20_000)
                        + " } }\n"));
        messy.commitBytes("binary", "src/blob.c", new byte[] {'i', 'n', 't', 0, 0, 1});
        messy.commitBytes("latin-1", "src/latin1.c", "/* caf\u00e9 */\nint f(void) { return 1; }\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        messy.symlink("src/escape.rs", "../../../../etc/hostname");
        manifest = tmp.resolve("manifest.yaml");
        Files.writeString(manifest, """
                projects:
                  - id: tokenizer
                    language: rust
                    source: { git: "%s", rev: main }
                    popularity: { downloads: 1000, stars: 10, as_of: 2026-11-01 }
                  - id: decoder
                    language: c
                    source: { git: "%s", rev: v1 }
                  - id: messy
                    language: mixed
                    source: { git: "%s" }
                  - id: gone
                    language: rust
                    source: { git: "%s", rev: main }
                """.formatted(rust.url(), c.url(), messy.url(), "file://" + tmp.resolve("no-such-repo")));
    }

    @Test
    void findsTheStateMachinesOfBothRepositories() throws IOException {
        Path out = run("DirectRunner");
        String runJson = Files.readString(out.resolve("run.json"));
        for (String count : List.of("\"projects\" : 4", "\"files_scanned\" : 4", "\"files_skipped_too_large\" : 1",
                "\"binary_files_skipped\" : 1", "\"symlinks_refused\" : 1", "\"not_utf8\" : 1",
                "\"read\" : 2", "\"too_deep\" : 1", "\"extractor_error\" : 0", "\"not_analysed\" : 1")) {
            assertTrue(runJson.contains(count), count + " in\n" + runJson);
        }
        List<String> rows = Files.readAllLines(out.resolve("findings.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(
                "\uFEFFproject,version,language,file,start_line,end_line,function,pattern,states,const_transitions,"
                        + "dynamic_transitions,fallthroughs,exits,state_type,eligible,reason,parse_errors,model_speedup,"
                        + "permalink,rewrite,driver_function,driver_line",
                "decoder," + cSha + ",c,decoder.c,12,30,decode,c/switch-state-loop,3,3,0,1,3,,,,0,,,,,",
                "tokenizer," + rustSha + ",rust,src/lib.rs,15,42,count_words,rust/state-loop,3,4,0,0,2,enum,true,,0,,,,,"),
                rows.stream().sorted((a, b) -> a.startsWith("\uFEFFproject,") ? -1 : b.startsWith("\uFEFFproject,") ? 1
                        : a.compareTo(b)).toList());
        List<String> failures = Files.readAllLines(out.resolve("failures.csv"), StandardCharsets.UTF_8);
        assertEquals(2, failures.size(), String.join("\n", failures));
        assertTrue(failures.get(1).startsWith("gone,acquire,clone-fail,"), failures.get(1));
        List<String> projects = Files.readAllLines(out.resolve("projects.csv"), StandardCharsets.UTF_8);
        assertEquals(5, projects.size(), "every manifest project has a row: " + projects);
        assertEquals("\"\",gone,,rust,git:" + "file://" + tmp.resolve("no-such-repo") + "@main,0,0,0,,,,,,,failed,,,,,acquire,",
                projects.get(4), "the failed project comes last, with its verdict and stage");
        assertTrue(runJson.contains("\"status\" : \"complete-with-failures\""), runJson);
        assertTrue(runJson.contains("\"projects_failed\" : 1"), runJson);
    }

    @Test
    void flinkRunnerWritesTheSameOutputs() throws IOException {
        Path direct = run("DirectRunner");
        Path flink = run("FlinkRunner");
        for (String file : List.of("findings.csv", "projects.csv", "failures.csv")) {
            assertEquals(Files.readString(direct.resolve(file)), Files.readString(flink.resolve(file)), file);
        }
    }

    private Path run(String runner) throws IOException {
        Path out = Files.createTempDirectory(tmp, "out-" + runner);
        int status = Main.execute("run", "--manifest", manifest.toString(), "--out", out.toString(), "--cache",
                tmp.resolve("cache-" + runner).toString(), "--runner", runner);
        assertEquals(0, status);
        return out;
    }
}
