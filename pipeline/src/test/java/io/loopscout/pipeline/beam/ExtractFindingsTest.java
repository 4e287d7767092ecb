package io.loopscout.pipeline.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.scan.ExtractionCache;
import io.loopscout.pipeline.scan.IncrementalExtraction;
import io.loopscout.pipeline.scan.ScanStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage Extract: lists each acquired project's files and extracts them (PAssert on the direct runner, twice over
 * one cache folder: the second run takes every file from the cache and says the same); an extractor exception
 * on one file becomes an extract-fail row naming the file, the project's other files keep their findings.
 */
class ExtractFindingsTest {

    private static final String MACHINE = """
            enum S { A, B }
            fn f(mut s: S) {
                loop {
                    match s {
                        S::A => s = S::B,
                        S::B => return,
                    }
                }
            }
            """;

    @TempDir
    Path cache;

    /** One run of the stage over the fixture crate; asserts its findings, counts and (no) failures. */
    private void runStage() {
        LoopscoutOptions options = PipelineOptionsFactory.as(LoopscoutOptions.class);
        options.setRunner(DirectRunner.class);
        options.setCacheDir(cache.toString());
        Pipeline p = Pipeline.create(options);
        Path crate = Path.of("src/test/resources/incremental/crate").toAbsolutePath();
        ProjectSpec spec = new ProjectSpec("fixture", Language.RUST, new SourceSpec.Path(crate.toString()),
                Popularity.none(), null, null, null, 1);
        PCollectionTuple out = p.apply(Create.of(new Acquired(spec, "local"))
                        .withCoder(SerializableCoder.of(Acquired.class)))
                .apply(new ExtractFindings());
        PAssert.that(out.get(Tags.FINDINGS).apply("where", MapElements.into(TypeDescriptors.strings())
                        .via(kv -> kv.getKey() + " " + kv.getValue().file() + ":" + kv.getValue().startLine() + " "
                                + kv.getValue().pattern().id() + " " + kv.getValue().stateType() + " "
                                + kv.getValue().project() + "@" + kv.getValue().version())))
                .containsInAnyOrder("fixture src/machine.rs:11 rust/state-loop enum fixture@local");
        PAssert.that(out.get(Tags.FAILURES)).empty();
        PAssert.that(out.get(Tags.STATS).apply("counts", MapElements.into(TypeDescriptors.strings())
                        .via(kv -> kv.getKey() + " scanned=" + kv.getValue().filesScanned() + " outcomes="
                                + kv.getValue().fileOutcomes())))
                .containsInAnyOrder("fixture scanned=4 outcomes={}", "fixture scanned=0 outcomes={READ=4}");
        p.run().waitUntilFinish();
    }

    @Test
    void listsAndExtractsEachProjectAndASecondRunSaysTheSameFromTheCache() throws IOException {
        runStage();
        Path entries = new ExtractionCache(cache).dir();
        long stored;
        try (Stream<Path> s = Files.walk(entries)) {
            stored = s.filter(f -> f.toString().endsWith(".ser")).count();
        }
        assertEquals(4, stored, "one cache entry per file");
        runStage(); // the same assertions, now from the cache
    }

    @Test
    void anExtractorExceptionIsAnExtractFailRowAndTheOtherFilesKeepTheirFindings() {
        // a file without text makes the Rust extractor throw: the path an extractor bug takes
        List<SourceFile> files = List.of(new SourceFile("p", "1", "src/ok.rs", Language.RUST, MACHINE),
                new SourceFile("p", "1", "src/broken.rs", Language.RUST, null),
                new SourceFile("p", "1", "src/deep.rs", Language.RUST, "fn d(s: u8) { loop { match s { _ => {} } "
                        + "{".repeat(2000) + "}".repeat(2000) + " } }\n"));
        List<KV<String, Finding>> findings = new ArrayList<>();
        List<KV<String, ScanStats>> stats = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        ExtractFindings.ExtractFn.extract("p", files, new IncrementalExtraction(new ExtractionCache(cache)),
                findings::add, stats::add, failures::add);

        assertEquals(1, failures.size(), failures.toString());
        assertEquals(FailureClass.EXTRACT_FAIL, failures.get(0).failureClass());
        assertTrue(failures.get(0).message().startsWith("src/broken.rs: "), failures.get(0).message());
        assertEquals(1, findings.size());
        assertEquals("src/ok.rs", findings.get(0).getValue().file());
        assertEquals(Map.of(FileOutcome.READ, 1L, FileOutcome.EXTRACTOR_ERROR, 1L, FileOutcome.TOO_DEEP, 1L),
                stats.get(0).getValue().fileOutcomes());
    }
}
