package io.loopscout.pipeline.cli;

import io.loopscout.manifest.ProjectSpec;
import io.loopscout.pipeline.acquire.Acquirers;
import io.loopscout.pipeline.acquire.InputLimits;
import io.loopscout.pipeline.beam.LoopscoutOptions;
import io.loopscout.pipeline.beam.LoopscoutPipeline;
import io.loopscout.pipeline.beam.Progress;
import io.loopscout.report.OutputDir;
import io.loopscout.report.RunInfo;
import io.loopscout.runner.sandbox.SandboxSettings;
import io.loopscout.report.RunJson;
import io.loopscout.report.RunStatus;
import java.io.IOException;
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
     * @param out      the output directory
     * @param cache    the cache directory, or null for the default
     * @param measure  the evidence tier to gather
     * @param runner   the Beam runner
     * @param limits   the per-project input caps
     * @param progress show a progress line on stderr
     * @param baseline the outputs of an earlier run to compare with, or null for the previous outputs in {@code out}
     * @param failExit exit {@link Main#FAILURES} when the run completed with failures
     * @return the exit status: 0; {@link Main#USAGE} when {@code out} is not a folder loopscout may replace;
     *         {@link Main#FAILURES} with {@code failExit} when run.json's status says the run had failures
     */
    public static int run(String label, List<ProjectSpec> projects, Path out, Path cache, Measure measure,
                          Runner runner, InputLimits limits, boolean progress) throws IOException {
        return run(label, projects, out, cache, measure, runner, limits, progress, SandboxSettings.standard(), null,
                false);
    }

    /** Like {@link #run(String, List, Path, Path, Measure, Runner, InputLimits, boolean)}, all settings given. */
    public static int run(String label, List<ProjectSpec> projects, Path out, Path cache, Measure measure,
                          Runner runner, InputLimits limits, boolean progress, SandboxSettings sandbox,
                          Path baseline, boolean failExit) throws IOException {
        try {
            OutputDir.checkReplaceable(out); // before any work: a folder that is not ours is refused at once
        } catch (IllegalArgumentException e) {
            System.err.println("loopscout: " + e.getMessage());
            return Main.USAGE;
        }
        ProgressDisplay display = progress ? ProgressDisplay.forStderr() : null;
        if (display != null) {
            display.start(projects.size() + " projects, measure " + measure.name().toLowerCase(java.util.Locale.ROOT)
                    + ", outputs to " + out.toAbsolutePath().normalize());
        }
        Path cacheDir = cache != null ? cache : Acquirers.defaultCacheRoot();
        Files.createDirectories(cacheDir);
        LoopscoutOptions options = options(runner);
        options.setCacheDir(cacheDir.toAbsolutePath().toString());
        options.setOutDir(out.toAbsolutePath().toString());
        options.setMeasure(measure.name().toLowerCase(java.util.Locale.ROOT));
        options.setSandbox(sandbox.mode().name().toLowerCase(java.util.Locale.ROOT));
        options.setBwrap(sandbox.bwrap());
        options.setBuildTimeoutSeconds(sandbox.buildTime().toSeconds());
        options.setDiskQuotaBytes(sandbox.diskBytes());
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
        return failExit && summary.status() == RunStatus.COMPLETE_WITH_FAILURES ? Main.FAILURES : 0;
    }

    private static LoopscoutOptions options(Runner runner) {
        if (runner == Runner.FlinkRunner) {
            FlinkPipelineOptions flink = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
            flink.setRunner(FlinkRunner.class);
            flink.setFlinkMaster("[local]");
            flink.setParallelism(Math.max(1, Runtime.getRuntime().availableProcessors()));
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
}
