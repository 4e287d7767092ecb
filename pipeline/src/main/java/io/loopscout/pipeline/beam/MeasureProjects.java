package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.pipeline.acquire.AcquireException;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.acquire.Acquirers;
import io.loopscout.pipeline.measure.BenchmarkLock;
import io.loopscout.pipeline.measure.ProjectEvidence;
import io.loopscout.report.ProjectResult;
import io.loopscout.runner.MeasureMode;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.ProjectMeasurer;
import java.io.IOException;
import io.loopscout.runner.sandbox.Sandbox;
import io.loopscout.runner.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Stage Measure: gathers the evidence the run asked for (static, model or project tier) for each project,
 * re-acquiring its source from the cache by (source, revision). Builds and benchmarks never run concurrently
 * on one machine: that part holds the {@link BenchmarkLock} of the cache directory, which every JVM of the run
 * (the direct runner's, each TaskManager of a Flink cluster on this machine) shares.
 */
public class MeasureProjects extends PTransform<PCollection<ProjectFindings>, PCollectionTuple> {

    static final String STAGE = "measure";

    @Override
    public PCollectionTuple expand(PCollection<ProjectFindings> projects) {
        return projects.apply("Measure", ParDo.of(new MeasureFn())
                .withOutputTags(Tags.RESULTS, TupleTagList.of(Tags.FAILURES)));
    }

    /** The sandbox settings the command line put into the options. */
    static SandboxSettings sandboxSettings(LoopscoutOptions opts) {
        return new SandboxSettings(Sandbox.Mode.parse(opts.getSandbox()), opts.getBwrap(),
                Duration.ofSeconds(opts.getBuildTimeoutSeconds()), opts.getDiskQuotaBytes());
    }

    static class MeasureFn extends DoFn<ProjectFindings, ProjectResult> {
        @ProcessElement
        public void process(@Element ProjectFindings p, MultiOutputReceiver out, PipelineOptions options) {
            Acquired acquired = p.acquired();
            ProjectSpec spec = acquired.spec();
            LoopscoutOptions opts = options.as(LoopscoutOptions.class);
            MeasureMode mode = MeasureMode.parse(opts.getMeasure());
            ProjectResult staticResult = ProjectResult.of(spec, acquired.revision(), p.findings(),
                    Measurement.staticOnly(), "");
            Progress.stage(spec.id(), STAGE);
            try {
                if (mode == null || mode == MeasureMode.STATIC) {
                    out.get(Tags.RESULTS).output(staticResult);
                    return;
                }
                Path cache = Path.of(opts.getCacheDir());
                Acquirers acquirers = new Acquirers(cache, LoopscoutOptions.limits(opts)); // the run's caps
                Path checkout = acquirers.checkoutRoot(acquired);
                Path crate = acquirers.materialize(acquired);
                ProjectEvidence.Outcome outcome;
                try (BenchmarkLock oneAtATime = BenchmarkLock.acquire(cache)) {
                    outcome = new ProjectEvidence(ProjectMeasurer.create(cache, sandboxSettings(opts)),
                            cache.resolve("measure"), opts.getKeepFailedScratch())
                            .gather(spec, acquired.revision(), checkout, crate, p.findings(), mode);
                }
                outcome.failures().forEach(out.get(Tags.FAILURES)::output);
                out.get(Tags.RESULTS).output(outcome.result());
            } catch (AcquireException e) {
                out.get(Tags.FAILURES).output(new Failure(spec.id(), STAGE, e.failureClass(), e.getMessage()));
                out.get(Tags.RESULTS).output(staticResult);
            } catch (IOException | RuntimeException e) {
                out.get(Tags.FAILURES).output(Failure.of(spec.id(), STAGE, FailureClass.INTERNAL, e));
                out.get(Tags.RESULTS).output(staticResult);
            } finally {
                Progress.done(spec.id());
            }
        }
    }
}
