package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.extract.Finding;
import io.loopscout.pipeline.scan.ScanStats;
import io.loopscout.pipeline.score.Scoring;
import io.loopscout.report.Changes;
import io.loopscout.report.FailuresCsv;
import io.loopscout.report.ProjectResult;
import io.loopscout.report.Reports;
import io.loopscout.report.RunInfo;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.stats.Verdicts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptions;
import java.io.Serializable;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.PDone;

/**
 * Stage Write: once every project is through, scores and ranks them and writes the run's files into the
 * output directory. Everything is sorted first, so the same run gives the same bytes on any runner.
 */
public class WriteReports extends PTransform<PBegin, PDone> {

    /** The stages a project can fail in before it has a result, in pipeline order. */
    static final List<String> STAGES_BEFORE_RESULT = List.of(AcquireSources.STAGE, ListFiles.STAGE,
            ExtractFindings.STAGE, MeasureProjects.STAGE);

    private final PCollection<ProjectSpec> manifest;
    private final PCollection<ProjectResult> results;
    private final PCollection<Failure> failures;
    private final PCollection<KV<String, ScanStats>> stats;
    private final RunInfo started;

    /**
     * Writes {@code results}, {@code failures} and the summed {@code stats}; every project of {@code manifest}
     * without a result gets a failed row. {@code started} seeds run.json.
     */
    public WriteReports(PCollection<ProjectSpec> manifest, PCollection<ProjectResult> results,
                        PCollection<Failure> failures, PCollection<KV<String, ScanStats>> stats, RunInfo started) {
        this.manifest = manifest;
        this.results = results;
        this.failures = failures;
        this.stats = stats;
        this.started = started;
    }

    /** The one key the shards' records are finally grouped under, so that the writer sees the whole run once. */
    static final String RUN = "run";
    private static final TupleTag<byte[]> SPECS = new TupleTag<>() { };
    private static final TupleTag<byte[]> RESULTS = new TupleTag<>() { };
    private static final TupleTag<byte[]> FAILURES = new TupleTag<>() { };
    private static final TupleTag<byte[]> STATS = new TupleTag<>() { };

    /**
     * Brings every record to one place in two group-by-keys: by shard of the project id, then the shards under
     * one key. A single group-by-key (or a side input, which is one underneath) costs the direct runner a copy of
     * everything grouped so far for each arriving bundle, and bundles arrive one project at a time: quadratic
     * (1,000 projects were not written after 8 minutes). With about 2·√n shards of encoded records both levels
     * copy O(n^1.5) small byte arrays instead.
     */
    @Override
    public PDone expand(PBegin begin) {
        int shards = shards(started.counts().projects());
        PCollection<KV<String, RunPart>> parts = KeyedPCollectionTuple
                .of(SPECS, encode("Specs", manifest, ProjectSpec::id, shards))
                .and(RESULTS, encode("Results", results, ProjectResult::id, shards))
                .and(FAILURES, encode("Failures", failures, Failure::project, shards))
                .and(STATS, encode("Stats", stats, KV::getKey, shards))
                .apply("GroupByShard", CoGroupByKey.create())
                .apply("GatherShard", ParDo.of(new GatherShard()))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(RunPart.class)));
        // an empty part under the key, so that a run with nothing in it still writes its (empty) reports
        PCollection<KV<String, RunPart>> once = begin.apply("Once", Create.of(KV.of(RUN, RunPart.EMPTY))
                .withCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(RunPart.class))));
        PCollectionList.of(parts).and(once).apply("AllParts", Flatten.pCollections())
                .apply("GroupTheRun", GroupByKey.create())
                .apply("WriteFiles", ParDo.of(new WriteFn(started, manifest.getCoder(), results.getCoder(),
                        failures.getCoder(), stats.getCoder())));
        return PDone.in(begin.getPipeline());
    }

    /** About 2·√n shards for n projects: the two levels then copy about as much as each other. */
    static int shards(int projects) {
        return Math.max(1, (int) Math.ceil(2 * Math.sqrt(projects)));
    }

    private static <T> PCollection<KV<Integer, byte[]>> encode(String name, PCollection<T> records,
                                                               SerializableFunction<T, String> project, int shards) {
        return records.apply("Encode" + name, ParDo.of(new EncodeByShard<>(records.getCoder(), project, shards)))
                .setCoder(KvCoder.of(VarIntCoder.of(), ByteArrayCoder.of()));
    }

    /** Encodes each record with its coder (a byte array is cheap to copy), keyed by its project's shard. */
    static final class EncodeByShard<T> extends DoFn<T, KV<Integer, byte[]>> {
        private final Coder<T> coder;
        private final SerializableFunction<T, String> project;
        private final int shards;

        EncodeByShard(Coder<T> coder, SerializableFunction<T, String> project, int shards) {
            this.coder = coder;
            this.project = project;
            this.shards = shards;
        }

        @ProcessElement
        public void process(@Element T record, OutputReceiver<KV<Integer, byte[]>> out) throws CoderException {
            out.output(KV.of(Math.floorMod(project.apply(record).hashCode(), shards),
                    CoderUtils.encodeToByteArray(coder, record)));
        }
    }

    /** One shard's encoded records, by kind. */
    record RunPart(List<byte[]> specs, List<byte[]> results, List<byte[]> failures, List<byte[]> stats)
            implements Serializable {
        static final RunPart EMPTY = new RunPart(List.of(), List.of(), List.of(), List.of());
    }

    /** Turns one shard's group into a {@link RunPart} under the run's single key. */
    static final class GatherShard extends DoFn<KV<Integer, CoGbkResult>, KV<String, RunPart>> {
        @ProcessElement
        public void process(@Element KV<Integer, CoGbkResult> shard, OutputReceiver<KV<String, RunPart>> out) {
            CoGbkResult g = shard.getValue();
            out.output(KV.of(RUN, new RunPart(list(g.getAll(SPECS)), list(g.getAll(RESULTS)),
                    list(g.getAll(FAILURES)), list(g.getAll(STATS)))));
        }

        private static List<byte[]> list(Iterable<byte[]> all) {
            List<byte[]> out = new ArrayList<>();
            all.forEach(out::add);
            return out;
        }
    }

    /**
     * The projects of {@code manifest} that have no result, each with the failure that stopped it: the first
     * failure of the earliest stage in pipeline order (an unknown stage counts as last; no failure at all is an
     * internal error, so that no project silently drops out of the reports).
     */
    static List<ProjectResult> failedProjects(List<ProjectSpec> manifest, List<ProjectResult> results,
                                              List<Failure> failures) {
        Set<String> withResult = new HashSet<>();
        results.forEach(r -> withResult.add(r.id()));
        Comparator<Failure> pipelineOrder = Comparator.comparingInt((Failure f) -> {
            int i = STAGES_BEFORE_RESULT.indexOf(f.stage());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(FailuresCsv.ORDER);
        // one pass over the failures, not one per project: a 10,000-project run can have 10,000 failures
        Map<String, Failure> firstByProject = new HashMap<>();
        for (Failure f : failures) {
            firstByProject.merge(f.project(), f, (a, b) -> pipelineOrder.compare(a, b) <= 0 ? a : b);
        }
        List<ProjectResult> failed = new ArrayList<>();
        for (ProjectSpec spec : manifest) {
            if (withResult.contains(spec.id())) {
                continue;
            }
            Failure first = firstByProject.getOrDefault(spec.id(),
                    new Failure(spec.id(), "write", FailureClass.INTERNAL, "no result and no failure recorded"));
            failed.add(ProjectResult.failed(spec, first));
        }
        failed.sort(Comparator.comparing(ProjectResult::id));
        return failed;
    }

    static class WriteFn extends DoFn<KV<String, Iterable<RunPart>>, Void> {
        private final RunInfo started;
        private final Coder<ProjectSpec> specCoder;
        private final Coder<ProjectResult> resultCoder;
        private final Coder<Failure> failureCoder;
        private final Coder<KV<String, ScanStats>> statsCoder;

        WriteFn(RunInfo started, Coder<ProjectSpec> specCoder, Coder<ProjectResult> resultCoder,
                Coder<Failure> failureCoder, Coder<KV<String, ScanStats>> statsCoder) {
            this.started = started;
            this.specCoder = specCoder;
            this.resultCoder = resultCoder;
            this.failureCoder = failureCoder;
            this.statsCoder = statsCoder;
        }

        @ProcessElement
        public void process(@Element KV<String, Iterable<RunPart>> grouped, PipelineOptions pipelineOptions)
                throws CoderException {
            LoopscoutOptions options = pipelineOptions.as(LoopscoutOptions.class);
            List<ProjectSpec> manifest = new ArrayList<>();
            List<ProjectResult> measured = new ArrayList<>();
            List<Failure> fails = new ArrayList<>();
            ScanStats total = ScanStats.zero();
            for (RunPart part : grouped.getValue()) {
                decode(part.specs(), specCoder, manifest);
                decode(part.results(), resultCoder, measured);
                decode(part.failures(), failureCoder, fails);
                for (byte[] s : part.stats()) {
                    total = total.plus(CoderUtils.decodeFromByteArray(statsCoder, s).getValue());
                }
            }
            List<ProjectResult> ranked = new ArrayList<>(Scoring.rank(controlFalseDiscoveries(measured)));
            Set<Failure> recorded = new HashSet<>(fails);
            for (ProjectResult failed : failedProjects(manifest, measured, fails)) {
                ranked.add(failed);
                if (recorded.add(failed.failure())) {
                    fails.add(failed.failure()); // every failed project is in failures.csv
                }
            }
            fails.sort(FailuresCsv.ORDER);
            Map<String, Long> byPattern = new TreeMap<>();
            for (ProjectResult r : ranked) {
                for (Finding f : r.findings()) {
                    byPattern.merge(f.pattern().id(), 1L, Long::sum);
                }
            }
            RunInfo run = new RunInfo(started.manifest(), started.loopscoutVersion(), started.rustcVersion(),
                    started.ccVersion(), started.valgrindVersion(), started.sandbox(), started.cpuModel(),
                    started.cores(), started.start(), Instant.now(),
                    new RunInfo.Counts(started.counts().projects(), total.filesScanned(), total.skippedTooLarge(),
                            total.skippedBinary(), total.symlinksRefused(), total.parseErrorFiles(),
                            total.notUtf8(), total.fileOutcomes(), byPattern),
                    started.measureMode(), started.runner(), started.timing(),
                    started.load().isEmpty() ? "" : started.load() + " at the start, "
                            + io.loopscout.runner.protocol.Host.loadAverages() + " at the end", started.commit());
            // published as one set: a reader never sees this run's files beside the previous run's
            Path out = Path.of(options.getOutDir());
            // read before publishing: until the swap, --out still holds the previous run's set
            String baseline = options.getBaselineDir();
            Path baselineDir = baseline == null || baseline.isEmpty() ? out : Path.of(baseline);
            Changes changes = Changes.since(baselineDir, ranked);
            Reports.writeAll(out, ranked, fails, run, Scoring.FORMULA, changes);
        }

        private static <T> void decode(List<byte[]> encoded, Coder<T> coder, List<T> into) throws CoderException {
            for (byte[] e : encoded) {
                into.add(CoderUtils.decodeFromByteArray(coder, e));
            }
        }

        /** Benjamini–Hochberg over the run's measurements, in a stable order (measurement.md, verdict). */
        private static List<ProjectResult> controlFalseDiscoveries(List<ProjectResult> results) {
            List<ProjectResult> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparing(ProjectResult::id));
            List<Measurement> adjusted = Verdicts.controlFalseDiscoveries(
                    sorted.stream().map(ProjectResult::measurement).toList());
            List<ProjectResult> out = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                ProjectResult r = sorted.get(i);
                out.add(ProjectResult.of(r.spec(), r.version(), r.findings(), adjusted.get(i), r.patch())
                        .withCComparison(r.cComparison()));
            }
            return out;
        }
    }
}
