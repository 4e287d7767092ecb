package io.loopscout.pipeline.cli;

import io.loopscout.pipeline.acquire.InputLimits;
import io.loopscout.runner.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How one pipeline run goes, as the command line set it (run and scan share it).
 *
 * @param out      the output directory
 * @param cache    the cache directory, or null for the default
 * @param measure  the evidence tier to gather
 * @param runner   the Beam runner
 * @param limits   the per-project input caps
 * @param progress show a progress line on stderr
 * @param sandbox  the sandbox's mode, binary and limits
 * @param baseline the outputs of an earlier run to compare with, or null for the previous outputs in {@code out}
 * @param failExit exit {@link Main#FAILURES} when the run completed with failures
 * @param keepFailedScratch keep the c2rust work directory of a project whose experiment failed
 * @param flinkMaster the Flink cluster's REST address ({@code host:port}) for {@link PipelineRun.Runner#FlinkRunner},
 *                    or null for an embedded local cluster
 */
public record RunSettings(Path out, Path cache, PipelineRun.Measure measure, PipelineRun.Runner runner,
                          InputLimits limits, boolean progress, SandboxSettings sandbox, Path baseline,
                          boolean failExit, boolean keepFailedScratch, String flinkMaster) {

    public RunSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sandbox, "sandbox");
    }

    /**
     * A static scan into {@code out} on the direct runner: default cache, input caps and sandbox, progress shown,
     * compared with the previous outputs, exit 0 with failures.
     */
    public static RunSettings defaults(Path out) {
        return new RunSettings(out, null, PipelineRun.Measure.STATIC, PipelineRun.Runner.DirectRunner,
                InputLimits.DEFAULT, true, SandboxSettings.standard(), null, false, false, null);
    }

    /** The same settings with {@code cache}. */
    public RunSettings withCache(Path dir) {
        return new RunSettings(out, dir, measure, runner, limits, progress, sandbox, baseline, failExit, keepFailedScratch, flinkMaster);
    }

    /** The same settings with the evidence tier {@code tier} on {@code beamRunner}. */
    public RunSettings withMeasure(PipelineRun.Measure tier, PipelineRun.Runner beamRunner) {
        return new RunSettings(out, cache, tier, beamRunner, limits, progress, sandbox, baseline, failExit, keepFailedScratch, flinkMaster);
    }

    /** The same settings with the input caps {@code caps}. */
    public RunSettings withLimits(InputLimits caps) {
        return new RunSettings(out, cache, measure, runner, caps, progress, sandbox, baseline, failExit, keepFailedScratch, flinkMaster);
    }

    /** The same settings with or without the progress line. */
    public RunSettings withProgress(boolean show) {
        return new RunSettings(out, cache, measure, runner, limits, show, sandbox, baseline, failExit, keepFailedScratch, flinkMaster);
    }

    /** The same settings with the sandbox {@code settings}. */
    public RunSettings withSandbox(SandboxSettings settings) {
        return new RunSettings(out, cache, measure, runner, limits, progress, settings, baseline, failExit, keepFailedScratch, flinkMaster);
    }

    /** The same settings keeping (or not) the c2rust work directory of a project whose experiment failed. */
    public RunSettings withKeepFailedScratch(boolean keep) {
        return new RunSettings(out, cache, measure, runner, limits, progress, sandbox, baseline, failExit, keep, flinkMaster);
    }

    /** The same settings comparing with {@code dir} (null: the previous outputs) and exiting as {@code exit} says. */
    public RunSettings withOutcome(Path dir, boolean exit) {
        return new RunSettings(out, cache, measure, runner, limits, progress, sandbox, dir, exit, keepFailedScratch, flinkMaster);
    }

    /** The same settings submitting to the Flink cluster at {@code master} ({@code host:port}; null: embedded). */
    public RunSettings withFlinkMaster(String master) {
        return new RunSettings(out, cache, measure, runner, limits, progress, sandbox, baseline, failExit,
                keepFailedScratch, master);
    }
}
