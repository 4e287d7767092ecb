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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
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

    @Override
    public PDone expand(PBegin begin) {
        PCollectionView<List<ProjectSpec>> manifestView = manifest.apply("ManifestView", View.asList());
        PCollectionView<List<ProjectResult>> resultsView = results.apply("ResultsView", View.asList());
        PCollectionView<List<Failure>> failuresView = failures.apply("FailuresView", View.asList());
        PCollectionView<List<KV<String, ScanStats>>> statsView = stats.apply("StatsView", View.asList());
        begin.apply("Once", Create.of("run"))
                .apply("WriteFiles", ParDo.of(new WriteFn(manifestView, resultsView, failuresView, statsView, started))
                        .withSideInputs(manifestView, resultsView, failuresView, statsView));
        return PDone.in(begin.getPipeline());
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
        List<ProjectResult> failed = new ArrayList<>();
        for (ProjectSpec spec : manifest) {
            if (withResult.contains(spec.id())) {
                continue;
            }
            Failure first = failures.stream().filter(f -> f.project().equals(spec.id())).min(pipelineOrder)
                    .orElse(new Failure(spec.id(), "write", FailureClass.INTERNAL, "no result and no failure recorded"));
            failed.add(ProjectResult.failed(spec, first));
        }
        failed.sort(Comparator.comparing(ProjectResult::id));
        return failed;
    }

    static class WriteFn extends DoFn<String, Void> {
        private final PCollectionView<List<ProjectSpec>> manifestView;
        private final PCollectionView<List<ProjectResult>> resultsView;
        private final PCollectionView<List<Failure>> failuresView;
        private final PCollectionView<List<KV<String, ScanStats>>> statsView;
        private final RunInfo started;

        WriteFn(PCollectionView<List<ProjectSpec>> manifestView, PCollectionView<List<ProjectResult>> resultsView,
                PCollectionView<List<Failure>> failuresView, PCollectionView<List<KV<String, ScanStats>>> statsView,
                RunInfo started) {
            this.manifestView = manifestView;
            this.resultsView = resultsView;
            this.failuresView = failuresView;
            this.statsView = statsView;
            this.started = started;
        }

        @ProcessElement
        public void process(ProcessContext c) {
            LoopscoutOptions options = c.getPipelineOptions().as(LoopscoutOptions.class);
            List<ProjectResult> measured = c.sideInput(resultsView);
            List<Failure> fails = new ArrayList<>(c.sideInput(failuresView));
            List<ProjectResult> ranked = new ArrayList<>(Scoring.rank(controlFalseDiscoveries(measured)));
            for (ProjectResult failed : failedProjects(c.sideInput(manifestView), measured, fails)) {
                ranked.add(failed);
                if (!fails.contains(failed.failure())) {
                    fails.add(failed.failure()); // every failed project is in failures.csv
                }
            }
            fails.sort(FailuresCsv.ORDER);
            ScanStats total = ScanStats.zero();
            for (KV<String, ScanStats> kv : c.sideInput(statsView)) {
                total = total.plus(kv.getValue());
            }
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
