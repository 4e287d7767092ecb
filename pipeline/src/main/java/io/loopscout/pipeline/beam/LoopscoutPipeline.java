package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.extract.Finding;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.pipeline.acquire.Acquired;
import io.loopscout.pipeline.beam.coders.FindingCoder;
import io.loopscout.pipeline.scan.ScanStats;
import io.loopscout.report.ProjectResult;
import io.loopscout.report.RunInfo;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The loopscout pipeline: ReadManifest → AcquireSources → ExtractFindings (lists and extracts each project's
 * files) → GroupByProject → MeasureProjects → WriteReports, with every stage's failures flattened into
 * failures.csv.
 */
public final class LoopscoutPipeline {

    private LoopscoutPipeline() {
    }

    /** Builds the pipeline over {@code projects}; {@code started} seeds run.json. */
    public static Pipeline build(LoopscoutOptions options, List<ProjectSpec> projects, RunInfo started) {
        Pipeline p = Pipeline.create(options);
        registerCoders(p.getCoderRegistry());
        PCollection<ProjectSpec> specs = p.apply("ReadManifest",
                Create.of(projects).withCoder(SerializableCoder.of(ProjectSpec.class)));
        // spread the projects over the workers: a runner may read the whole manifest as one split and chain every
        // later stage to it (Flink did: a 2-TaskManager cluster extracted everything in one)
        PCollectionTuple acquired = specs.apply("Spread", Reshuffle.viaRandomKey())
                .apply("AcquireSources", new AcquireSources());
        PCollectionTuple extracted = acquired.get(Tags.ACQUIRED).apply("ExtractFindings", new ExtractFindings());
        PCollection<KV<String, ScanStats>> stats = extracted.get(Tags.STATS);
        PCollection<ProjectFindings> grouped = GroupByProject.of(acquired.get(Tags.ACQUIRED),
                extracted.get(Tags.FINDINGS), stats);
        PCollectionTuple measured = grouped.apply("MeasureProjects", new MeasureProjects());
        PCollection<Failure> failures = PCollectionList.of(acquired.get(Tags.FAILURES))
                .and(extracted.get(Tags.FAILURES)).and(measured.get(Tags.FAILURES))
                .apply("AllFailures", Flatten.pCollections());
        p.apply("WriteReports", new WriteReports(specs, measured.get(Tags.RESULTS), failures, stats, started));
        return p;
    }

    private static void registerCoders(CoderRegistry registry) {
        List<Class<? extends Serializable>> records = List.of(ProjectSpec.class, Acquired.class,
                ScanStats.class, ProjectFindings.class, ProjectResult.class, Failure.class);
        for (Class<? extends Serializable> c : records) {
            register(registry, c);
        }
        // findings travel in numbers: a field coder, not Java serialization (file texts never become elements)
        registry.registerCoderForClass(Finding.class, FindingCoder.of());
    }

    private static <T extends Serializable> void register(CoderRegistry registry, Class<T> type) {
        registry.registerCoderForClass(type, SerializableCoder.of(type));
    }
}
