package io.loopscout.pipeline.cli;

import io.loopscout.manifest.Manifest;
import io.loopscout.manifest.ManifestException;
import io.loopscout.manifest.ManifestLoader;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.pipeline.acquire.InputLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import io.loopscout.runner.sandbox.SandboxSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code loopscout run}: the main job over a manifest. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the pipeline over a manifest (default: the shipped corpus-manifest/default.yaml).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {Main.EXIT_0, Main.EXIT_3, Main.EXIT_2, Main.EXIT_1},
        footerHeading = "%nEvidence tiers (--measure):%n",
        footer = {Main.TIER_STATIC, Main.TIER_MODEL, Main.TIER_PROJECT})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--manifest", paramLabel = "FILE", description = "the manifest (default: ${DEFAULT-VALUE})")
    Path manifest = defaultManifest();

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: ${DEFAULT-VALUE})")
    Path out = Path.of("loopscout-out");

    @Option(names = "--measure", paramLabel = "TIER", description = "static, model or project (default: static)")
    String measure = "static";

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "only these project ids")
    List<String> only = new ArrayList<>();

    @Option(names = "--runner", paramLabel = "RUNNER", description = "DirectRunner or FlinkRunner (default: ${DEFAULT-VALUE})")
    PipelineRun.Runner runner = PipelineRun.Runner.DirectRunner;

    @Option(names = "--flink-master", paramLabel = "HOST:PORT", description = "with --runner FlinkRunner: submit to "
            + "the Flink session cluster whose REST endpoint is HOST:PORT (pipeline/flink/cluster.sh starts one); "
            + "default: an embedded local cluster")
    String flinkMaster;

    @Option(names = "--cache", paramLabel = "DIR", description = "cache of clones and crates (default: $XDG_CACHE_HOME/loopscout)")
    Path cache;

    @Mixin
    OutcomeOptions outcome = new OutcomeOptions();

    @Option(names = "--keep-failed-scratch", description = "keep the c2rust work directory of a project whose "
            + "experiment failed, for a look (default: removed after each project)")
    boolean keepFailedScratch;

    @Option(names = {"-v", "--verbose"}, description = "debug logging")
    boolean verbose;

    @Mixin
    SandboxOptions sandbox = new SandboxOptions();

    @Mixin
    InputLimitOptions inputLimits = new InputLimitOptions();

    @Override
    public Integer call() throws Exception {
        Logging.configure(verbose);
        PipelineRun.Measure tier = CliArgs.measure(measure);
        SandboxSettings settings = sandbox.settings(System.err);
        InputLimits limits = inputLimits.limits();
        if (tier == null || settings == null || limits == null || !CliArgs.usableFlinkMaster(flinkMaster, runner)
                || !CliArgs.readableManifest(manifest) || !CliArgs.usableBaseline(outcome.baseline)) {
            return Main.USAGE;
        }
        Manifest m;
        try {
            m = ManifestLoader.load(manifest);
        } catch (ManifestException e) {
            e.problems().forEach(p -> System.err.println(TerminalText.shown(p.toString())));
            return Main.USAGE;
        }
        List<String> unknown = only.stream().filter(id -> m.projects().stream().noneMatch(p -> p.id().equals(id)))
                .toList();
        if (!unknown.isEmpty()) {
            System.err.println("loopscout: --only names projects not in " + manifest + ": " + unknown);
            return Main.USAGE;
        }
        // model and project tiers build corpus code (the rewriter's verification, benchmarks): sandbox first
        if (tier != PipelineRun.Measure.STATIC && SandboxOptions.require(settings, System.err) == null) {
            return Main.USAGE;
        }
        List<ProjectSpec> projects = m.only(only).projects();
        return PipelineRun.run(manifest.toString(), projects, RunSettings.defaults(out).withCache(cache)
                .withMeasure(tier, runner).withLimits(limits).withSandbox(settings)
                .withOutcome(outcome.baseline, outcome.failExit).withKeepFailedScratch(keepFailedScratch)
                .withFlinkMaster(flinkMaster));
    }

    /** The shipped manifest: under $LOOPSCOUT_HOME (set by the launcher), else the working directory. */
    static Path defaultManifest() {
        String home = System.getenv("LOOPSCOUT_HOME");
        Path rel = Path.of("corpus-manifest", "default.yaml");
        if (home != null && !home.isBlank() && Files.exists(Path.of(home).resolve(rel))) {
            return Path.of(home).resolve(rel);
        }
        return rel;
    }
}
