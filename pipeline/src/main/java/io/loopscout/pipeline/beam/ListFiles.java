package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.extract.SourceFile;
import io.loopscout.pipeline.acquire.AcquireException;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.acquire.Acquirers;
import io.loopscout.pipeline.acquire.InputLimits;
import io.loopscout.pipeline.scan.FileLister;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Stage ListFiles: re-opens each acquired project from the cache and emits its Rust and C files as elements
 * (so later stages need no shared disk), with the scan counts.
 */
public class ListFiles extends PTransform<PCollection<Acquired>, PCollectionTuple> {

    static final String STAGE = "list-files";

    @Override
    public PCollectionTuple expand(PCollection<Acquired> projects) {
        return projects.apply("ListFiles", ParDo.of(new ListFn())
                .withOutputTags(Tags.FILES, TupleTagList.of(Tags.STATS).and(Tags.FAILURES)));
    }

    static class ListFn extends DoFn<Acquired, SourceFile> {
        @ProcessElement
        public void process(@Element Acquired acquired, MultiOutputReceiver out, PipelineOptions options) {
            String id = acquired.spec().id();
            Progress.stage(id, STAGE);
            LoopscoutOptions o = options.as(LoopscoutOptions.class);
            InputLimits limits = LoopscoutOptions.limits(o);
            Acquirers acquirers = new Acquirers(Path.of(o.getCacheDir()), limits);
            try {
                Path root = acquirers.materialize(acquired);
                FileLister.Listing listing = new FileLister(FileLister.MAX_FILE_BYTES, limits)
                        .list(id, acquired.revision(), root, out.get(Tags.FILES)::output);
                out.get(Tags.STATS).output(KV.of(id, listing.stats()));
                if (listing.capped() != null) {
                    // the project's results cover only what was read: said in failures.csv, typed
                    out.get(Tags.FAILURES).output(new Failure(id, STAGE, FailureClass.INPUT_CAPPED,
                            listing.capped()));
                }
            } catch (AcquireException e) {
                out.get(Tags.FAILURES).output(new Failure(id, STAGE, e.failureClass(), e.getMessage()));
            } catch (IOException | RuntimeException e) {
                out.get(Tags.FAILURES).output(Failure.of(id, STAGE, FailureClass.FETCH_FAIL, e));
            }
        }
    }
}
