package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.extract.Extractor;
import io.loopscout.extract.Extractors;
import io.loopscout.extract.FileExtraction;
import io.loopscout.extract.Finding;
import io.loopscout.extract.SourceFile;
import io.loopscout.pipeline.scan.ScanStats;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stage Extract: runs the language's extractor over each file; findings keyed by project. */
public class ExtractFindings extends PTransform<PCollection<SourceFile>, PCollectionTuple> {

    static final String STAGE = "extract";

    @Override
    public PCollectionTuple expand(PCollection<SourceFile> files) {
        return files.apply("Extract", ParDo.of(new ExtractFn())
                .withOutputTags(Tags.FINDINGS, TupleTagList.of(Tags.STATS).and(Tags.FAILURES)));
    }

    static class ExtractFn extends DoFn<SourceFile, KV<String, Finding>> {
        private static final Logger LOG = LoggerFactory.getLogger(ExtractFn.class);
        private transient Map<Language, Extractor> extractors;

        @Setup
        public void setup() {
            extractors = new EnumMap<>(Language.class);
        }

        @ProcessElement
        public void process(@Element SourceFile file, MultiOutputReceiver out) {
            Progress.stage(file.project(), STAGE);
            FileExtraction result;
            try {
                result = extractors.computeIfAbsent(file.language(), Extractors::forLanguage).extract(file);
            } catch (RuntimeException e) {
                out.get(Tags.FAILURES).output(new Failure(file.project(), STAGE, FailureClass.EXTRACT_FAIL,
                        file.path() + ": " + e));
                return;
            }
            boolean timeout = "timeout".equals(result.problem());
            if (result.problem() != null) {
                LOG.info("{}: {}: {}", file.project(), file.path(), result.problem());
            }
            if (timeout || result.parseErrors() > 0) {
                out.get(Tags.STATS).output(KV.of(file.project(),
                        new ScanStats(0, 0, 0, 0, 0, 0, result.parseErrors() > 0 ? 1 : 0, timeout ? 1 : 0)));
            }
            for (Finding f : result.findings()) {
                out.get(Tags.FINDINGS).output(KV.of(file.project(), f.withProject(file.project(), file.version())));
            }
        }
    }
}
