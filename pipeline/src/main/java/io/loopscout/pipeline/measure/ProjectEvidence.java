package io.loopscout.pipeline.measure;

import io.loopscout.pipeline.beam.Progress;
import io.loopscout.core.Failure;
import io.loopscout.core.FailureClass;
import io.loopscout.core.FileTrees;
import io.loopscout.core.Language;
import io.loopscout.extract.Finding;
import io.loopscout.extract.rewrite.CrateRewriter;
import io.loopscout.extract.rewrite.RewriteResult;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import io.loopscout.manifest.TranslateSpec;
import io.loopscout.report.ProjectResult;
import io.loopscout.runner.MeasureMode;
import io.loopscout.runner.MeasureOutcome;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.ProjectMeasurer;
import io.loopscout.runner.build.CargoBuild;
import io.loopscout.runner.build.SandboxedCrateBuilder;
import io.loopscout.runner.translate.C2RustTranslator;
import io.loopscout.runner.translate.CComparison;
import io.loopscout.runner.translate.CComparisonRunner;
import io.loopscout.runner.translate.CTranslationRecipe;
import io.loopscout.runner.translate.VerifiedLoopMatchRewrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the evidence for one project beyond its findings: the {@code #[loop_match]} rewrite of a copy of its
 * crate (variant B and the report's patch), then the model and project tiers through the native runner.
 * Never throws for anything the project does: failures come back in the result.
 */
public final class ProjectEvidence {

    /** The project's result and the failures on the way. */
    public record Outcome(ProjectResult result, List<Failure> failures) {
    }

    private static final String STAGE = "measure";
    private static final Logger LOG = LoggerFactory.getLogger(ProjectEvidence.class);
    private final ProjectMeasurer measurer;
    private final CargoBuild cargo;
    private final Path workDir;

    /**
     * Evidence gathered with {@code measurer}; rewrites verified by sandboxed builds through its cargo;
     * rewritten copies live under {@code workDir}.
     */
    public ProjectEvidence(ProjectMeasurer measurer, Path workDir) {
        this.measurer = measurer;
        this.cargo = measurer.cargo();
        this.workDir = workDir;
    }

    /**
     * Rewrites and measures one project.
     *
     * @param checkout the whole checkout (workspace)
     * @param crate    the project's crate inside it ({@code subdir} applied)
     */
    public Outcome gather(ProjectSpec spec, String version, Path checkout, Path crate, List<Finding> findings,
                          MeasureMode mode) {
        List<Failure> failures = new ArrayList<>();
        Path copy = workDir.resolve("rewrite").resolve(spec.id() + "-" + safe(version));
        try {
            return gather(spec, version, checkout, crate, findings, mode, copy, failures);
        } finally {
            try {
                FileTrees.delete(copy); // scratch goes when the project is done, also after a failure
            } catch (IOException e) {
                LOG.warn("{}: cannot remove the rewrite scratch {}: {}", spec.id(), copy, e.getMessage());
            }
        }
    }

    private Outcome gather(ProjectSpec spec, String version, Path checkout, Path crate, List<Finding> findings,
                           MeasureMode mode, Path copy, List<Failure> failures) {
        long start = System.nanoTime();
        Path rewritten = null;
        String patch = "";
        // every project with a state loop: the compile, not the planner alone, says what gets rewritten
        boolean stateLoops = findings.stream().anyMatch(CrateRewriter::rewrites);
        List<Finding> found = findings;
        if (spec.language() != Language.C && stateLoops && Files.isRegularFile(crate.resolve("Cargo.toml"))) {
            try {
                Progress.step(spec.id(), "rewrite and verify");
                FileTrees.delete(copy); // afresh: an older copy may hold an earlier rewrite
                FileTrees.copy(checkout, copy);
                Path crateCopy = copy.resolve(checkout.relativize(crate).toString());
                RewriteResult r = CrateRewriter.standard(target -> new SandboxedCrateBuilder(cargo, target, spec.id()))
                        .rewrite(crateCopy, CrateRewriter.Mode.IN_PLACE);
                patch = r.diff();
                found = r.annotate(findings);
                rewritten = r.applied() ? copy : null;
            } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
                failures.add(new Failure(spec.id(), STAGE, FailureClass.REWRITE_FAIL, e.getMessage()));
            }
        }
        LOG.info("{}: rewrite and verify in {} s", spec.id(), (System.nanoTime() - start) / 1_000_000_000);
        Progress.step(spec.id(), mode == MeasureMode.PROJECT ? "build and benchmark" : "model kernels");
        // what each step of the measurement cost: the log says where a run's time goes
        MeasureOutcome o = measurer.onStep(line -> LOG.info("{}: {}", spec.id(), line))
                .measure(spec, checkout, rewritten, found, mode);
        failures.addAll(o.failures());
        Measurement m = o.measurement() != null ? o.measurement() : headlineModel(o);
        ProjectResult result = ProjectResult.of(spec, version, o.findings(), m, patch);
        if (spec.translate() != null && mode == MeasureMode.PROJECT) {
            result = result.withCComparison(c2rustExperiment(spec, failures));
        }
        return new Outcome(result, failures);
    }

    /** Translates the project's C with c2rust and measures it against the C (issue: Rust against C). */
    private CComparison c2rustExperiment(ProjectSpec spec, List<Failure> failures) {
        if (!(spec.source() instanceof SourceSpec.Crate crate)) {
            failures.add(new Failure(spec.id(), STAGE, FailureClass.TRANSLATE_FAIL,
                    "the c2rust experiment needs a crate source that vendors the C, not " + spec.source().kind()));
            return null;
        }
        TranslateSpec t = spec.translate();
        TranslateSpec.RustPort port = t.rustPort();
        CTranslationRecipe recipe = new CTranslationRecipe(spec.id(), crate.name(), crate.version(),
                spec.subdir() == null ? "." : spec.subdir(), t.sources(), t.defines(), t.harness(),
                port == null ? null : port.crate(), port == null ? null : port.version(),
                port == null ? List.of() : port.features());
        try {
            CComparisonRunner.Settings settings = CComparisonRunner.Settings.standard(
                    workDir.resolve("c2rust").resolve(spec.id()));
            CComparisonRunner.Result r = new CComparisonRunner(cargo.sandbox(), cargo, C2RustTranslator.sandboxed(cargo),
                    new VerifiedLoopMatchRewrite(cargo, spec.id()), line -> {
                        LOG.info("{}: c2rust: {}", spec.id(), line);
                        Progress.step(spec.id(), "c2rust: " + line);
                    })
                    .run(recipe, settings);
            failures.addAll(r.failures());
            return r.comparison();
        } catch (IOException | RuntimeException e) {
            failures.add(Failure.of(spec.id(), STAGE, FailureClass.TRANSLATE_FAIL, e));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(new Failure(spec.id(), STAGE, FailureClass.TRANSLATE_FAIL, "interrupted"));
            return null;
        }
    }

    /**
     * The model-tier measurement that stands for the project when its own benchmark did not run: that of
     * {@link ProjectResult#headlineFinding} (its rewritable loops only), else nothing.
     */
    static Measurement headlineModel(MeasureOutcome o) {
        Finding f = ProjectResult.headlineFinding(o.findings());
        Measurement m = f == null || f.graph() == null ? null : o.models().get(f.graph().shapeHash());
        return m == null ? Measurement.staticOnly() : m;
    }

    private static String safe(String s) {
        return Objects.requireNonNullElse(s, "local").replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
