package io.loopscout.report;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.StateGraph;
import io.loopscout.extract.StateGraph.Edge;
import io.loopscout.extract.StateGraph.EdgeKind;
import io.loopscout.manifest.BenchSpec;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.VariantStats;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.translate.CComparison;
import io.loopscout.runner.translate.CComparison.FunctionCost;
import io.loopscout.runner.translate.CComparison.LoopRewrite;
import io.loopscout.runner.translate.CVariant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Result records for report tests: a measured crate, a static C project on GitHub, and a hostile project whose
 * every string tries to break out of its context (HTML, script, CSV formula). Snippets and the patch are the
 * human-readable files under src/test/resources/fixtures.
 */
final class ResultFixtures {

    /** The hostile project's name: markup that would run script if not escaped. */
    static final String HOSTILE_ID = "<img src=x onerror=alert(1)>";
    /** A project name that a spreadsheet would run as a formula. */
    static final String FORMULA_ID = "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")";
    /** A symbol that callgrind reported for the translation: markup that closes the script and runs another. */
    static final String HOSTILE_SYMBOL = "</script><img src=x onerror=alert(1)>";
    /** A file path with a comma, a quote and a space. */
    static final String ODD_FILE = "src/a,b\"c d.rs";

    private ResultFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = ResultFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource fixtures/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Four states, Head → Stored → Check → Done, Stored also loops on itself and has a dynamic edge. */
    static StateGraph inflateGraph() {
        return new StateGraph(List.of("Mode::Head", "Mode::Stored", "Mode::Check", "Mode::Done"), List.of(
                new Edge(0, 1, EdgeKind.CONSTANT), new Edge(1, 2, EdgeKind.CONSTANT),
                new Edge(1, 1, EdgeKind.CONSTANT), new Edge(1, -1, EdgeKind.DYNAMIC),
                new Edge(2, 3, EdgeKind.CONSTANT), new Edge(3, -1, EdgeKind.EXIT)));
    }

    static ProjectResult zlibRs() {
        ProjectSpec spec = new ProjectSpec("zlib-rs", Language.RUST, new SourceSpec.Crate("zlib-rs", "0.5.2"),
                new Popularity(12_345_678, 400, "2026-11-01"), null,
                new BenchSpec("cargo run --release --example blogpost-uncompress", ""), "inflate", 3);
        Finding inflate = Finding.builder().project("zlib-rs").version("0.5.2").file("src/inflate.rs")
                .startLine(120).endLine(134).function("Inflate::run").pattern(Pattern.RUST_FIELD_STATE_LOOP)
                .stateVariable("self.mode").states(4).constTransitions(4).dynamicTransitions(1).exits(1)
                .stateType("enum").eligible(true).snippet(resource("inflate_state.rs")).graph(inflateGraph())
                .modelSpeedup(1.21).rewrite(new LoopOutcome("src/inflate.rs", 120, "rust/field-state-loop",
                        "self.mode", LoopOutcome.Status.REWRITTEN, "")).build();
        Finding window = Finding.builder().project("zlib-rs").version("0.5.2").file("src/window.rs")
                .startLine(10).endLine(30).function("Window::fill").pattern(Pattern.RUST_STATE_LOOP)
                .stateVariable("st").states(3).constTransitions(1).exits(2).stateType("unknown")
                .eligible(false).reason("unknown-state-type").snippet("loop { match st { _ => break } }")
                .rewrite(new LoopOutcome("src/window.rs", 10, "rust/state-loop", "st", LoopOutcome.Status.REVERTED,
                        "loop_match: error[E0507]: cannot move out of `st` <b>"))
                .build();
        Measurement m = new Measurement(EvidenceTier.PROJECT, 1.12, 1.08, 1.16, 1.03, 0.004, Verdict.IMPROVED,
                0.001, List.of(new VariantStats("A", 10, 1.12, 0.01, 5_000_000L, 900_000L, 40_000L),
                new VariantStats("B", 10, 1.00, 0.01, 4_600_000L, 850_000L, 20_000L)), "bwrap");
        return ProjectResult.of(spec, "0.5.2", List.of(window, inflate), m, resource("zlib.patch"));
    }

    static ProjectResult zlibC() {
        ProjectSpec spec = new ProjectSpec("zlib", Language.C,
                new SourceSpec.Git("https://github.com/madler/zlib.git", "v1.3.1"),
                new Popularity(0, 6000, "2026-11-01"), null, null, null, 9);
        Finding sw = Finding.builder().file("inflate.c").startLine(640).endLine(1290).function("inflate")
                .pattern(Pattern.C_SWITCH_STATE_LOOP).stateVariable("state->mode").states(30)
                .constTransitions(45).fallthroughs(12).exits(8).parseErrors(2)
                .confidence(Finding.Confidence.LOW).snippet(resource("switch_state.c"))
                .graph(new StateGraph(List.of("HEAD", "STORED", "CHECK"), List.of(
                        new Edge(0, 1, EdgeKind.CONSTANT), new Edge(0, 1, EdgeKind.FALLTHROUGH),
                        new Edge(1, 2, EdgeKind.CONSTANT), new Edge(2, -1, EdgeKind.EXIT))))
                .build();
        Finding gotoTable = Finding.builder().file("contrib/vm.c").startLine(5).endLine(80).function("run")
                .pattern(Pattern.C_COMPUTED_GOTO).snippet("goto *dispatch[op];").build();
        return ProjectResult.of(spec, "51b7f2abdade71cd9bb0e7a373ef2610ec6f9daf", List.of(sw, gotoTable),
                Measurement.staticOnly(), "").withCComparison(zlibCComparison());
    }

    /**
     * zlib against its c2rust translation, by hand, with figures shaped like a 2-core run: decompress is where the
     * translated state machine costs (c2rust 1.36× C, loop_match brings it to 1.14×); compress barely moves. The
     * Rust port timed out on compress (no figures, a status); one loop was reverted; a symbol and a note are hostile.
     */
    static CComparison zlibCComparison() {
        long cDe = 48_213_506L;
        long cCo = 402_118_330L;
        List<CComparison.Row> rows = List.of(
                row("decompress", CVariant.C, 0.412, 0.009, 1.0, 1.0, 1.0, cDe, 6_912_034L, 402_117L, cDe,
                        List.of(new FunctionCost("inflate", 30_102_334L, 4_100_220L, 301_554L),
                                new FunctionCost("inflate_fast", 12_883_001L, 1_905_112L, 80_019L))),
                row("decompress", CVariant.A, 0.561, 0.011, 1.362, 1.349, 1.377, 65_667_795L, 9_630_118L,
                        688_902L, cDe,
                        List.of(new FunctionCost("inflate", 52_330_118L, 7_712_903L, 590_331L),
                                new FunctionCost(HOSTILE_SYMBOL, 9_880_004L, 1_402_001L, 61_120L))),
                row("decompress", CVariant.A_PRIME, 0.562, 0.012, 1.365, 1.351, 1.380, 65_667_795L, 9_630_118L,
                        688_902L, cDe, List.of()),
                row("decompress", CVariant.B, 0.470, 0.010, 1.141, 1.128, 1.155, 58_120_774L, 8_010_552L,
                        455_230L, cDe, List.of(new FunctionCost("inflate", 44_801_227L, 6_090_317L, 352_004L))),
                row("decompress", CVariant.D, 0.520, 0.010, 1.262, 1.247, 1.279, 62_540_912L, 9_102_774L,
                        512_660L, cDe, List.of()),
                row("decompress", CVariant.RUST_PORT, 0.430, 0.008, 1.043, 1.031, 1.056, 50_117_003L, 7_004_118L,
                        390_551L, cDe, List.of()),
                row("compress", CVariant.C, 2.104, 0.006, 1.0, 1.0, 1.0, cCo, 61_220_904L, 3_980_112L, cCo,
                        List.of()),
                row("compress", CVariant.A, 2.318, 0.007, 1.102, 1.094, 1.111, 455_002_871L, 66_812_030L,
                        4_102_553L, cCo, List.of()),
                row("compress", CVariant.A_PRIME, 2.322, 0.007, 1.104, 1.095, 1.112, 455_002_871L, 66_812_030L,
                        4_102_553L, cCo, List.of()),
                row("compress", CVariant.B, 2.309, 0.008, 1.097, 1.089, 1.106, 453_870_002L, 66_530_117L,
                        4_090_448L, cCo, List.of()),
                row("compress", CVariant.D, 2.297, 0.007, 1.092, 1.083, 1.100, 451_230_114L, 66_002_981L,
                        4_071_220L, cCo, List.of()),
                new CComparison.Row("compress", CVariant.RUST_PORT, 2, null, null, null, null, null, null, null,
                        null, null, List.of(), "run failed in round 3: timeout"));
        List<LoopRewrite> loops = List.of(
                new LoopRewrite("src/inflate.rs", 612, "inflate", true,
                        "rewritten: 41 constant transitions (#[const_continue]), 6 through the dispatch"),
                new LoopRewrite("src/deflate.rs", 1480, "deflate_stored", false,
                        "reverted: the rewritten crate did not build (E0308 in a #[const_continue] arm)"),
                new LoopRewrite("src/inftrees.rs", 104, HOSTILE_SYMBOL, false,
                        "no-constant-transition: every transition goes through the dispatch"));
        return new CComparison("zlib", "1.3.1", "C2Rust 0.20.0", "rustc 1.95.0 (2026-10-30)",
                "60 MiB in 4 files (text, source code, binary, random), seed 3720; callgrind on a 2 MiB slice",
                "Intel(R) Xeon(R) CPU @ 2.20GHz, 2 logical cores, pinned to CPU 1, load 1.4",
                rows, loops, List.of("Rust port compress: run failed in round 3: timeout",
                        "symbol " + HOSTILE_SYMBOL + " kept as callgrind printed it"));
    }

    /** A measured row; the instruction ratio is computed against C's count as the runner does. */
    private static CComparison.Row row(String workload, CVariant v, double median, double cv, double ratio,
                                       double low, double high, long instructions, long branches,
                                       long mispredictions, long cInstructions, List<FunctionCost> functions) {
        return new CComparison.Row(workload, v, 10, median, cv, ratio, low, high, instructions, branches,
                mispredictions, (double) instructions / cInstructions, functions, "ok");
    }

    /** Hostile strings everywhere; a model speed-up of -3.2 (nonsense, but a writer must keep it a number). */
    static ProjectResult hostile() {
        ProjectSpec spec = new ProjectSpec(HOSTILE_ID, Language.RUST,
                new SourceSpec.Path("../\"><script>alert(4)</script>"), Popularity.none(), null, null,
                "</script>", 12);
        Finding f = Finding.builder().file(ODD_FILE).startLine(2).endLine(9).function("<b>bold</b>")
                .pattern(Pattern.RUST_STATE_LOOP).stateVariable("state").states(4).constTransitions(2)
                .exits(1).stateType("integer").eligible(true).snippet(resource("hostile.rs"))
                .graph(new StateGraph(List.of("0", "</text><script>alert(5)</script>", "2 -->", "_"), List.of(
                        new Edge(0, 1, EdgeKind.CONSTANT), new Edge(1, 2, EdgeKind.CONSTANT),
                        new Edge(2, -1, EdgeKind.EXIT))))
                .modelSpeedup(-3.2).build();
        return ProjectResult.of(spec, "-1 </script>", List.of(f), Measurement.staticOnly(),
                "--- a/x.rs\n+++ b/x.rs\n@@ -1 +1 @@\n-</script><!--\n+<img src=x onerror=alert(6)>\n");
    }

    /** A project whose id is a spreadsheet formula. */
    static ProjectResult formula() {
        ProjectSpec spec = new ProjectSpec(FORMULA_ID, Language.C, new SourceSpec.Path("/srv/@evil"),
                new Popularity(-5, 0, ""), null, null, null, 20);
        return ProjectResult.of(spec, "+1", List.of(), Measurement.staticOnly(), "");
    }

    static List<ProjectResult> all() {
        return List.of(zlibRs(), zlibC(), hostile(), formula());
    }

    static List<Failure> failures() {
        return List.of(
                new Failure("zlib", "Measure", FailureClass.BUILD_FAIL, "cc: error: -march=native\nnext line"),
                new Failure(HOSTILE_ID, "Extract", FailureClass.PARSE_FAIL, "=cmd|' /C calc'!A0"),
                new Failure("zlib", "Acquire", FailureClass.CLONE_FAIL, "</script><script>alert(7)</script>"));
    }

    static RunInfo runInfo() {
        return new RunInfo("corpus-manifest/manifests/default.yaml", "0.1.0-SNAPSHOT", "rustc 1.95.0",
                "cc (Debian 12.2.0-14) 12.2.0", "valgrind-3.19.0", "bwrap --unshare-all",
                "Intel(R) Xeon(R) <script>", 2, Instant.parse("2026-11-23T19:00:00Z"),
                Instant.parse("2026-11-23T19:42:30.500Z"),
                new RunInfo.Counts(4, 1234, 3, 7, 1, 12, 2, 5, 1,
                        Map.of("rust/state-loop", 2L, "c/switch-state-loop", 1L, "rust/field-state-loop", 1L,
                                "c/computed-goto", 1L)),
                "project", "DirectRunner");
    }
}
