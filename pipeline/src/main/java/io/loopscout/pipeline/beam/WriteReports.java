package io.loopscout.pipeline.beam;

import io.loopscout.core.Failure;
import io.loopscout.extract.Finding;
import io.loopscout.pipeline.scan.ScanStats;
import io.loopscout.pipeline.score.Scoring;
import io.loopscout.report.ProjectResult;
import io.loopscout.report.Reports;
import io.loopscout.report.RunInfo;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.stats.Verdicts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private final PCollection<ProjectResult> results;
    private final PCollection<Failure> failures;
    private final PCollection<KV<String, ScanStats>> stats;
    private final RunInfo started;

    /** Writes {@code results}, {@code failures} and the summed {@code stats}; {@code started} seeds run.json. */
    public WriteReports(PCollection<ProjectResult> results, PCollection<Failure> failures,
                        PCollection<KV<String, ScanStats>> stats, RunInfo started) {
        this.results = results;
        this.failures = failures;
        this.stats = stats;
        this.started = started;
    }

    @Override
    public PDone expand(PBegin begin) {
        PCollectionView<List<ProjectResult>> resultsView = results.apply("ResultsView", View.asList());
        PCollectionView<List<Failure>> failuresView = failures.apply("FailuresView", View.asList());
        PCollectionView<List<KV<String, ScanStats>>> statsView = stats.apply("StatsView", View.asList());
        begin.apply("Once", Create.of("run"))
                .apply("WriteFiles", ParDo.of(new WriteFn(resultsView, failuresView, statsView, started))
                        .withSideInputs(resultsView, failuresView, statsView));
        return PDone.in(begin.getPipeline());
    }

    static class WriteFn extends DoFn<String, Void> {
        private final PCollectionView<List<ProjectResult>> resultsView;
        private final PCollectionView<List<Failure>> failuresView;
        private final PCollectionView<List<KV<String, ScanStats>>> statsView;
        private final RunInfo started;

        WriteFn(PCollectionView<List<ProjectResult>> resultsView, PCollectionView<List<Failure>> failuresView,
                PCollectionView<List<KV<String, ScanStats>>> statsView, RunInfo started) {
            this.resultsView = resultsView;
            this.failuresView = failuresView;
            this.statsView = statsView;
            this.started = started;
        }

        @ProcessElement
        public void process(ProcessContext c) {
            LoopscoutOptions options = c.getPipelineOptions().as(LoopscoutOptions.class);
            List<ProjectResult> ranked = Scoring.rank(controlFalseDiscoveries(c.sideInput(resultsView)));
            List<Failure> fails = new ArrayList<>(c.sideInput(failuresView));
            fails.sort(Comparator.comparing(Failure::project).thenComparing(Failure::stage)
                    .thenComparing(f -> f.failureClass().id()).thenComparing(Failure::message));
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
                            total.parseTimeouts(), total.notUtf8(), total.unreadable(), byPattern),
                    started.measureMode(), started.runner(), started.timing());
            Path out = Path.of(options.getOutDir());
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create output directory " + out, e);
            }
            Reports.writeAll(out, ranked, fails, run, Scoring.FORMULA);
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
