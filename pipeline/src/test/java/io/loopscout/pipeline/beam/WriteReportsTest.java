package io.loopscout.pipeline.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.Language;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.pipeline.scan.ScanStats;
import io.loopscout.report.ProjectResult;
import io.loopscout.report.RunInfo;
import io.loopscout.report.RunJson;
import io.loopscout.runner.Measurement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage Write on the direct runner, fed by Create: every manifest project gets exactly one row, a project without
 * a result gets the first failure of its earliest stage, the scan counts are summed, and a run of thousands of
 * projects arriving one per bundle is written (the side inputs this replaced never finished 1,000; the 10,000
 * of pipeline/bench/many-projects.sh are too slow for the suite).
 */
class WriteReportsTest {

    @Test
    void manyProjectsEachGetOneRowWithTheirEarliestFailure(@TempDir Path tmp) throws Exception {
        int n = 600;
        List<ProjectSpec> specs = new ArrayList<>();
        List<ProjectResult> results = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<KV<String, ScanStats>> stats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("p%04d", i);
            ProjectSpec spec = spec(id);
            specs.add(spec);
            stats.add(KV.of(id, ScanStats.listed(2, 100, 0, 0, 0, 0)));
            if (i % 100 == 0) {
                // failed in measure and, earlier, in extract: the extract failure is the one that stopped it
                failures.add(new Failure(id, MeasureProjects.STAGE, FailureClass.BUILD_FAIL, "later"));
                failures.add(new Failure(id, ExtractFindings.STAGE, FailureClass.EXTRACT_FAIL, "earlier"));
            } else if (i != 7) { // p0007: no result and no failure
                results.add(ProjectResult.of(spec, "1.0", List.of(), Measurement.staticOnly(), ""));
            }
        }
        Path out = tmp.resolve("out");
        run(out, specs, results, failures, stats);

        List<String> projects = Files.readAllLines(out.resolve("projects.csv"), StandardCharsets.UTF_8);
        assertEquals(n + 1, projects.size(), "a header and one row per manifest project");
        assertEquals(n, projects.stream().skip(1).map(r -> r.split(",")[1]).distinct().count(), "no project twice");
        List<String> failed = projects.stream().filter(r -> r.contains(",failed,")).toList();
        assertEquals(n / 100 + 1, failed.size(), String.join("\n", failed));
        assertTrue(failed.stream().filter(r -> r.contains(",p0100,")).allMatch(r -> r.endsWith(",extract,")),
                failed.toString());
        List<String> failureRows = Files.readAllLines(out.resolve("failures.csv"), StandardCharsets.UTF_8);
        assertEquals(1 + n / 100 * 2 + 1, failureRows.size(),
                "both recorded failures of every 100th project, and p0007's");
        assertTrue(failureRows.stream().anyMatch(r -> r.startsWith("p0007,write,internal,no result and no failure")),
                String.join("\n", failureRows.subList(0, 5)));
        RunJson.Summary summary = RunJson.readSummary(out);
        assertEquals(n, summary.projects());
        assertEquals(n / 100 + 1, summary.projectsFailed());
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"files_scanned\" : " + 2 * n));
    }

    @Test
    void aRunWithNoProjectsStillWritesItsReports(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        run(out, List.of(), List.of(), List.of(), List.of());
        assertEquals(0, RunJson.readSummary(out).projects());
        assertEquals(1, Files.readAllLines(out.resolve("projects.csv")).size(), "the header only");
    }

    private static ProjectSpec spec(String id) {
        return new ProjectSpec(id, Language.RUST, new SourceSpec.Path("projects/" + id), null, null, null, null, 1);
    }

    private static void run(Path out, List<ProjectSpec> specs, List<ProjectResult> results, List<Failure> failures,
                            List<KV<String, ScanStats>> stats) {
        DirectOptions direct = PipelineOptionsFactory.as(DirectOptions.class);
        direct.setRunner(DirectRunner.class);
        direct.setEnforceImmutability(false); // as PipelineRun runs it
        direct.setEnforceEncodability(false);
        LoopscoutOptions options = direct.as(LoopscoutOptions.class);
        options.setOutDir(out.toString());
        Pipeline p = Pipeline.create(options);
        RunInfo started = new RunInfo("test manifest", "0", "", "", "", "none", "cpu", 1, Instant.now(),
                Instant.now(), new RunInfo.Counts(specs.size(), 0, 0, 0, 0, 0, 0, Map.of(), Map.of()), "static",
                "DirectRunner");
        PCollection<ProjectSpec> m = p.apply("specs", Create.of(specs).withCoder(SerializableCoder.of(ProjectSpec.class)));
        // through a group-by-project, as in the pipeline: the direct runner then hands them on one project per bundle
        PCollection<ProjectResult> r = p.apply("results",
                Create.of(results).withCoder(SerializableCoder.of(ProjectResult.class)))
                .apply("ResultsByProject", WithKeys.of((ProjectResult x) -> x.id()).withKeyType(TypeDescriptors.strings()))
                .apply("GroupResults", GroupByKey.create())
                .apply("Ungroup", Values.create()).apply("Flatten", Flatten.iterables());
        PCollection<Failure> f = p.apply("failures", Create.of(failures).withCoder(SerializableCoder.of(Failure.class)));
        PCollection<KV<String, ScanStats>> s = p.apply("stats", Create.of(stats)
                .withCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ScanStats.class))));
        p.apply("WriteReports", new WriteReports(m, r, f, s, started));
        p.run().waitUntilFinish();
    }
}
