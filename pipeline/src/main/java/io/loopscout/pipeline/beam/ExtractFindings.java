package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.ProjectExtractor;
import io.loopscout.extract.SourceFile;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.scan.ExtractionCache;
import io.loopscout.pipeline.scan.IncrementalExtraction;
import io.loopscout.pipeline.scan.ScanStats;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage Extract: per acquired project, lists its files ({@link ListFiles}) and runs the extractors over them with
 * what the whole project knows (crate-wide Rust types, C local includes), reusing the per-file results of earlier
 * runs ({@link ExtractionCache} in the cache folder); findings keyed by project. The file texts never become
 * pipeline elements: a run holds one project's files per worker, not the corpus.
 */
public class ExtractFindings extends PTransform<PCollection<Acquired>, PCollectionTuple> {

    static final String STAGE = "extract";

    @Override
    public PCollectionTuple expand(PCollection<Acquired> projects) {
        return projects.apply("ListAndExtract", ParDo.of(new ExtractFn())
                .withOutputTags(Tags.FINDINGS, TupleTagList.of(Tags.STATS).and(Tags.FAILURES)));
    }

    static class ExtractFn extends DoFn<Acquired, KV<String, Finding>> {
        private static final Logger LOG = LoggerFactory.getLogger(ExtractFn.class);

        @ProcessElement
        public void process(@Element Acquired acquired, MultiOutputReceiver out, PipelineOptions options) {
            LoopscoutOptions o = options.as(LoopscoutOptions.class);
            List<SourceFile> files = ListFiles.list(acquired, o, out.get(Tags.STATS)::output,
                    out.get(Tags.FAILURES)::output);
            if (files != null) {
                ExtractionCache cache = new ExtractionCache(Path.of(o.getCacheDir()));
                extract(acquired.spec().id(), files, new IncrementalExtraction(cache), out.get(Tags.FINDINGS)::output,
                        out.get(Tags.STATS)::output, out.get(Tags.FAILURES)::output);
            }
        }

        /** Extracts one project's files; findings, counts and extract-fail rows (one per failed file) go out. */
        static void extract(String id, List<SourceFile> files, IncrementalExtraction extraction,
                            Consumer<KV<String, Finding>> findings, Consumer<KV<String, ScanStats>> stats,
                            Consumer<Failure> failures) {
            Progress.stage(id, STAGE);
            long[] parseErrorFiles = new long[1];
            Map<FileOutcome, Long> outcomes = new EnumMap<>(FileOutcome.class);
            IncrementalExtraction.Counts counts = extraction.extract(files, new ProjectExtractor.Listener() {
                @Override
                public void extracted(SourceFile file, FileExtraction result) {
                    outcomes.merge(result.outcome(), 1L, Long::sum);
                    if (result.outcome() == FileOutcome.EXTRACTOR_ERROR) {
                        failed(file, result.detail());
                    } else if (result.outcome() != FileOutcome.READ) {
                        LOG.info("{}: {}: {} {}", id, file.path(), result.outcome().key(), result.detail());
                    }
                    if (result.parseErrors() > 0) {
                        parseErrorFiles[0]++;
                    }
                    for (Finding f : result.findings()) {
                        findings.accept(KV.of(id, f.withProject(id, file.version())));
                    }
                }

                @Override
                public void failed(SourceFile file, RuntimeException error) {
                    outcomes.merge(FileOutcome.EXTRACTOR_ERROR, 1L, Long::sum);
                    failed(file, error.toString());
                }

                /** An extractor bug: one extract-fail row naming the file, the run goes on. */
                private void failed(SourceFile file, String cause) {
                    LOG.warn("{}: {}: extractor failed: {}", id, file.path(), cause);
                    failures.accept(new Failure(id, STAGE, FailureClass.EXTRACT_FAIL, file.path() + ": " + cause));
                }
            });
            LOG.debug("{}: {} files from the extraction cache, {} extracted", id, counts.reused(), counts.extracted());
            stats.accept(KV.of(id, ScanStats.extracted(parseErrorFiles[0], outcomes)));
        }
    }
}
