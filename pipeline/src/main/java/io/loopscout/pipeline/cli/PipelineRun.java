package io.loopscout.pipeline.cli;

import io.loopscout.manifest.ProjectSpec;
import io.loopscout.pipeline.acquire.Acquirers;
import io.loopscout.pipeline.beam.LoopscoutOptions;
import io.loopscout.pipeline.beam.LoopscoutPipeline;
import io.loopscout.pipeline.beam.Progress;
import io.loopscout.report.RunInfo;
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
     * @param progress show a progress line on stderr
     */
    public static void run(String label, List<ProjectSpec> projects, Path out, Path cache, Measure measure,
                           Runner runner, boolean progress) throws IOException {
        Files.createDirectories(out);
        Path cacheDir = cache != null ? cache : Acquirers.defaultCacheRoot();
        Files.createDirectories(cacheDir);
        LoopscoutOptions options = options(runner);
        options.setCacheDir(cacheDir.toAbsolutePath().toString());
        options.setOutDir(out.toAbsolutePath().toString());
        options.setMeasure(measure.name().toLowerCase(java.util.Locale.ROOT));
        RunInfo started = new RunInfo(label, Main.VERSION, HostFacts.version("rustc"), HostFacts.version("cc"),
                HostFacts.version("valgrind"), HostFacts.sandbox(), HostFacts.cpuModel(),
                Runtime.getRuntime().availableProcessors(), Instant.now(), Instant.now(),
                new RunInfo.Counts(projects.size(), 0, 0, 0, 0, 0, 0, 0, 0, Map.of()), options.getMeasure(),
                runner.name());
        Progress.start(projects.size());
        Pipeline pipeline = LoopscoutPipeline.build(options, projects, started);
        Thread ticker = progress ? startTicker() : null;
        try {
            PipelineResult result = pipeline.run();
            result.waitUntilFinish();
        } finally {
            if (ticker != null) {
                ticker.interrupt();
            }
        }
        if (progress) {
            System.err.println("\r" + Progress.line() + "  done; outputs in " + out);
        }
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

    private static Thread startTicker() {
        Thread t = new Thread(() -> {
            String last = "";
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    String line = Progress.line();
                    if (!line.equals(last)) {
                        System.err.println(line);
                        last = line;
                    }
                    Thread.sleep(2000);
                }
            } catch (InterruptedException e) {
                // run finished
            }
        }, "loopscout-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
