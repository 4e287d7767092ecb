package io.loopscout.pipeline.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.pipeline.scan.ScanStats;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;

/**
 * Stage Extract on the direct runner: an extractor exception on one file becomes an extract-fail row naming the
 * file and an extractor_error count; the project's other files keep their findings; every file has an outcome.
 */
class ExtractFindingsTest {

    private static final Queue<Object> OUT = new ConcurrentLinkedQueue<>();

    /** Collects a stage output in this JVM (the direct runner runs here). */
    static class Collect<T> extends DoFn<T, Void> {
        @ProcessElement
        public void process(@Element T element) {
            OUT.add(element);
        }
    }

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

    @Test
    void anExtractorExceptionIsAnExtractFailRowAndTheOtherFilesKeepTheirFindings() {
        OUT.clear();
        PipelineOptions options = PipelineOptionsFactory.create();
        options.setRunner(DirectRunner.class);
        Pipeline p = Pipeline.create(options);
        // a file without text makes the Rust extractor throw: the path an extractor bug takes
        List<SourceFile> files = List.of(new SourceFile("p", "1", "src/ok.rs", Language.RUST, MACHINE),
                new SourceFile("p", "1", "src/broken.rs", Language.RUST, null),
                new SourceFile("p", "1", "src/deep.rs", Language.RUST, "fn d() { loop " + "{".repeat(2000)
                        + "}".repeat(2000) + " }\n"));
        PCollectionTuple out = p.apply(Create.of(files).withCoder(SerializableCoder.of(SourceFile.class)))
                .apply(new ExtractFindings());
        out.get(Tags.FINDINGS).apply("f", ParDo.of(new Collect<>()));
        out.get(Tags.FAILURES).apply("x", ParDo.of(new Collect<>()));
        out.get(Tags.STATS).apply("s", ParDo.of(new Collect<>()));
        p.run().waitUntilFinish();

        List<Failure> failures = OUT.stream().filter(Failure.class::isInstance).map(Failure.class::cast).toList();
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(FailureClass.EXTRACT_FAIL, failures.get(0).failureClass());
        assertTrue(failures.get(0).message().startsWith("src/broken.rs: "), failures.get(0).message());
        List<Finding> findings = OUT.stream().filter(KV.class::isInstance).map(o -> ((KV<?, ?>) o).getValue())
                .filter(Finding.class::isInstance).map(Finding.class::cast).toList();
        assertEquals(1, findings.size());
        assertEquals("src/ok.rs", findings.get(0).file());
        ScanStats stats = OUT.stream().filter(KV.class::isInstance).map(o -> ((KV<?, ?>) o).getValue())
                .filter(ScanStats.class::isInstance).map(ScanStats.class::cast).findFirst().orElseThrow();
        assertEquals(Map.of(FileOutcome.READ, 1L, FileOutcome.EXTRACTOR_ERROR, 1L, FileOutcome.TOO_DEEP, 1L),
                stats.fileOutcomes());
    }
}
