package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.FileOutcome;
import io.loopscout.extract.Finding;
import io.loopscout.extract.ProjectExtractor;
import io.loopscout.extract.SourceFile;
import io.loopscout.pipeline.scan.ScanStats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage Extract: gathers each project's files (elements, not a disk) and runs the extractors over them with
 * what the whole project knows (crate-wide Rust types, C local includes); findings keyed by project.
 */
public class ExtractFindings extends PTransform<PCollection<SourceFile>, PCollectionTuple> {

    static final String STAGE = "extract";

    @Override
    public PCollectionTuple expand(PCollection<SourceFile> files) {
        return files
                .apply("KeyByProject", WithKeys.of(SourceFile::project).withKeyType(TypeDescriptors.strings()))
                .apply("FilesOfProject", GroupByKey.create())
                .apply("Extract", ParDo.of(new ExtractFn())
                        .withOutputTags(Tags.FINDINGS, TupleTagList.of(Tags.STATS).and(Tags.FAILURES)));
    }

    static class ExtractFn extends DoFn<KV<String, Iterable<SourceFile>>, KV<String, Finding>> {
        private static final Logger LOG = LoggerFactory.getLogger(ExtractFn.class);

        @ProcessElement
        public void process(@Element KV<String, Iterable<SourceFile>> project, MultiOutputReceiver out) {
            String id = project.getKey();
            Progress.stage(id, STAGE);
            List<SourceFile> files = new ArrayList<>();
            project.getValue().forEach(files::add);
            long[] parseErrorFiles = new long[1];
            Map<FileOutcome, Long> outcomes = new EnumMap<>(FileOutcome.class);
            new ProjectExtractor().extract(files, new ProjectExtractor.Listener() {
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
                        out.get(Tags.FINDINGS).output(KV.of(id, f.withProject(id, file.version())));
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
                    out.get(Tags.FAILURES).output(new Failure(id, STAGE, FailureClass.EXTRACT_FAIL,
                            file.path() + ": " + cause));
                }
            });
            out.get(Tags.STATS).output(KV.of(id, ScanStats.extracted(parseErrorFiles[0], outcomes)));
        }
    }
}
