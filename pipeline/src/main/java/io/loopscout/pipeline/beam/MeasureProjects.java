package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.report.ProjectResult;
import io.loopscout.runner.Measurement;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Stage Measure: gathers the evidence the run asked for (static, model or project tier) for each project.
 * Benchmarks never run concurrently on one machine: the measuring itself is serialised.
 */
public class MeasureProjects extends PTransform<PCollection<ProjectFindings>, PCollectionTuple> {

    static final String STAGE = "measure";

    @Override
    public PCollectionTuple expand(PCollection<ProjectFindings> projects) {
        return projects.apply("Measure", ParDo.of(new MeasureFn())
                .withOutputTags(Tags.RESULTS, TupleTagList.of(Tags.FAILURES)));
    }

    static class MeasureFn extends DoFn<ProjectFindings, ProjectResult> {
        @ProcessElement
        public void process(@Element ProjectFindings p, MultiOutputReceiver out) {
            String id = p.acquired().spec().id();
            Progress.stage(id, STAGE);
            try {
                out.get(Tags.RESULTS).output(ProjectResult.of(p.acquired().spec(), p.acquired().revision(),
                        p.findings(), Measurement.staticOnly(), ""));
            } catch (RuntimeException e) {
                out.get(Tags.FAILURES).output(Failure.of(id, STAGE, FailureClass.INTERNAL, e));
            } finally {
                Progress.done(id);
            }
        }
    }
}
