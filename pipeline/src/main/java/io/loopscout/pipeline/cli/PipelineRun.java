package io.loopscout.pipeline.cli;

import io.loopscout.manifest.ProjectSpec;
import io.loopscout.pipeline.acquire.Acquirers;
import io.loopscout.pipeline.acquire.InputLimits;
import io.loopscout.pipeline.beam.LoopscoutOptions;
import io.loopscout.pipeline.beam.LoopscoutPipeline;
import io.loopscout.pipeline.beam.Progress;
import io.loopscout.pipeline.scan.ExtractionCache;
import io.loopscout.report.OutputDir;
import io.loopscout.report.RunInfo;
import io.loopscout.runner.sandbox.SandboxSettings;
import io.loopscout.report.RunJson;
import io.loopscout.report.RunStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Runs the pipeline over a list of projects on the chosen runner, showing progress; shared by run and scan. */
public final class PipelineRun {

    /** Extraction results of other loopscout builds kept in the cache (the latest used), e.g. to switch branches. */
    static final int KEEP_OTHER_EXTRACTOR_VERSIONS = 2;

    /** The Beam runners offered on the command line. */
    public enum Runner { DirectRunner, FlinkRunner }

    /** Evidence tiers offered on the command line. */
    public enum Measure { STATIC, MODEL, PROJECT }

    private PipelineRun() {
    }

    /**
     * Runs the pipeline and blocks until the outputs are written.
     *
     * @param label    what ran, for run.json (the manifest path, or "scan of ...")
     * @param projects the projects
     * @param settings where the outputs go, the tier, runner, caps, sandbox, baseline and exit rule
     * @return the exit status: 0; {@link Main#USAGE} when the output directory is not a folder loopscout may
     *         replace; {@link Main#FAILURES} with {@link RunSettings#failExit()} when run.json's status says the
     *         run had failures
     */
    public static int run(String label, List<ProjectSpec> projects, RunSettings settings) throws IOException {
        Path out = settings.out();
        Measure measure = settings.measure();
        Runner runner = settings.runner();
        InputLimits limits = settings.limits();
        SandboxSettings sandbox = settings.sandbox();
        Path baseline = settings.baseline();
        try {
            OutputDir.checkReplaceable(out); // before any work: a folder that is not ours is refused at once
        } catch (IllegalArgumentException e) {
            System.err.println("loopscout: " + e.getMessage());
            return Main.USAGE;
        }
        ProgressDisplay display = settings.progress() ? ProgressDisplay.forStderr() : null;
        if (display != null) {
            display.start(projects.size() + " projects, measure " + measure.name().toLowerCase(java.util.Locale.ROOT)
                    + ", outputs to " + out.toAbsolutePath().normalize() + (settings.flinkMaster() == null ? ""
                    : ", on the Flink cluster at " + settings.flinkMaster()
                    + " (the stages run in its TaskManagers: the line shows the elapsed time only)"));
        }
        Path cacheDir = settings.cache() != null ? settings.cache() : Acquirers.defaultCacheRoot();
        Files.createDirectories(cacheDir);
        new ExtractionCache(cacheDir).pruneOtherVersions(KEEP_OTHER_EXTRACTOR_VERSIONS);
        LoopscoutOptions options = options(runner, settings.flinkMaster());
        options.setCacheDir(cacheDir.toAbsolutePath().toString());
        options.setOutDir(out.toAbsolutePath().toString());
        options.setMeasure(measure.name().toLowerCase(java.util.Locale.ROOT));
        options.setSandbox(sandbox.mode().name().toLowerCase(java.util.Locale.ROOT));
        options.setBwrap(sandbox.bwrap());
        options.setBuildTimeoutSeconds(sandbox.buildTime().toSeconds());
        options.setDiskQuotaBytes(sandbox.diskBytes());
        options.setKeepFailedScratch(settings.keepFailedScratch());
        options.setMaxFiles(limits.maxFiles());
        options.setMaxBytes(limits.maxBytes());
        options.setBaselineDir(baseline == null ? "" : baseline.toAbsolutePath().toString());
        RunInfo started = new RunInfo(label, Main.VERSION, HostFacts.version("rustc"), HostFacts.version("cc"),
                HostFacts.version("valgrind"), HostFacts.sandbox(sandbox), HostFacts.cpuModel(),
                Runtime.getRuntime().availableProcessors(), Instant.now(), Instant.now(),
                new RunInfo.Counts(projects.size(), 0, 0, 0, 0, 0, 0, Map.of(), Map.of()), options.getMeasure(),
                runner.name(), measure == Measure.STATIC ? "" : HostFacts.timing(),
                io.loopscout.runner.protocol.Host.loadAverages(), HostFacts.commit());
        Progress.start(projects.size());
        Pipeline pipeline = LoopscoutPipeline.build(options, projects, started);
        RunJson.Summary summary;
        try {
            PipelineResult result = pipeline.run();
            result.waitUntilFinish();
            summary = RunJson.readSummary(out);
        } finally {
            if (display != null) {
                display.close();
            }
        }
        if (display != null) {
            display.summary(summary, out);
        }
        return settings.failExit() && summary.status() == RunStatus.COMPLETE_WITH_FAILURES ? Main.FAILURES : 0;
    }

    /** The options for {@code runner}; {@code flinkMaster} ({@code host:port}, null: embedded) for Flink. */
    static LoopscoutOptions options(Runner runner, String flinkMaster) {
        if (runner == Runner.FlinkRunner) {
            FlinkPipelineOptions flink = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
            flink.setRunner(FlinkRunner.class);
            if (flinkMaster == null) {
                flink.setFlinkMaster("[local]");
                flink.setParallelism(Math.max(1, Runtime.getRuntime().availableProcessors()));
            } else {
                flink.setFlinkMaster(flinkMaster);
                flink.setFilesToStage(jobJar());
                // Beam would take parallelism.default from a client-side Flink config, which there is none of
                // (so 1: every stage in one TaskManager); the cluster's slots spread the projects over all of them
                flink.setParallelism(clusterSlots(flinkMaster));
            }
            flink.setAttachedMode(true);
            flink.setFasterCopy(true); // elements are immutable records
            return flink.as(LoopscoutOptions.class);
        }
        DirectOptions direct = PipelineOptionsFactory.as(DirectOptions.class);
        direct.setRunner(DirectRunner.class);
        direct.setTargetParallelism(Math.max(1, Runtime.getRuntime().availableProcessors()));
        // Both checks re-encode every element (the file texts included) to catch DoFns that mutate their input
        // or elements with no working coder. Safe off: the elements are immutable records (lists copied with
        // List.copyOf), and the coders are tested by round trip (CodersTest, Beam's CoderProperties); the
        // end-to-end test and the Flink runner still encode everything.
        direct.setEnforceImmutability(false);
        direct.setEnforceEncodability(false);
        return direct.as(LoopscoutOptions.class);
    }

    /**
     * The jar the cluster loads the pipeline's classes from: the one this class came from (the launcher's shaded
     * jar), so a submitted job runs exactly the code that built it. Null when run from class folders (tests):
     * Beam then stages the classpath, zipping the folders.
     */
    static List<String> jobJar() {
        try {
            Path self = Path.of(PipelineRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(self) && self.toString().endsWith(".jar") ? List.of(self.toString()) : null;
        } catch (java.net.URISyntaxException | SecurityException e) {
            return null;
        }
    }

    /**
     * The task slots of the Flink cluster whose REST endpoint is {@code master} ({@code slots-total} of its
     * {@code /overview}), or -1 (Beam's default) after a warning when it does not say.
     */
    static int clusterSlots(String master) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://" + master + "/overview"))
                            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            int slots = r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()).path("slots-total").asInt(-1)
                    : -1;
            if (slots > 0) {
                return slots;
            }
            System.err.println("loopscout: warning: the Flink cluster at " + master + " reports no task slots (HTTP "
                    + r.statusCode() + "); parallelism left to Beam");
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("loopscout: warning: the Flink cluster at " + master + " did not answer /overview ("
                    + e.getMessage() + "); parallelism left to Beam");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }
}
