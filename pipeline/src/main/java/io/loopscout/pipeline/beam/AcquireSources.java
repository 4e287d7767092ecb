package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.pipeline.acquire.AcquireException;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.acquire.Acquirers;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/** Stage Acquire: clones, fetches or opens each project's source and resolves its revision. */
public class AcquireSources extends PTransform<PCollection<ProjectSpec>, PCollectionTuple> {

    static final String STAGE = "acquire";

    @Override
    public PCollectionTuple expand(PCollection<ProjectSpec> projects) {
        return projects.apply("Acquire", ParDo.of(new AcquireFn())
                .withOutputTags(Tags.ACQUIRED, TupleTagList.of(Tags.FAILURES)));
    }

    static class AcquireFn extends DoFn<ProjectSpec, Acquired> {
        @ProcessElement
        public void process(@Element ProjectSpec spec, MultiOutputReceiver out, PipelineOptions options) {
            Progress.stage(spec.id(), STAGE);
            LoopscoutOptions o = options.as(LoopscoutOptions.class);
            Acquirers acquirers = new Acquirers(Path.of(o.getCacheDir()), LoopscoutOptions.limits(o));
            try {
                out.get(Tags.ACQUIRED).output(acquirers.acquire(spec));
            } catch (AcquireException e) {
                Progress.done(spec.id());
                out.get(Tags.FAILURES).output(new Failure(spec.id(), STAGE, e.failureClass(), e.getMessage()));
            } catch (RuntimeException e) {
                Progress.done(spec.id());
                out.get(Tags.FAILURES).output(Failure.of(spec.id(), STAGE, FailureClass.INTERNAL, e));
            }
        }
    }
}
