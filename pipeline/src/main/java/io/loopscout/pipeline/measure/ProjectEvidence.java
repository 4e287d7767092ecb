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
    private final boolean keepFailedScratch;

    /**
     * Evidence gathered with {@code measurer}; rewrites verified by sandboxed builds through its cargo;
     * rewritten copies and c2rust work directories live under {@code workDir} until the project is done
     * ({@code keepFailedScratch}: a failed c2rust experiment's directory stays, for a look).
     */
    public ProjectEvidence(ProjectMeasurer measurer, Path workDir, boolean keepFailedScratch) {
        this.measurer = measurer;
        this.cargo = measurer.cargo();
        this.workDir = workDir;
        this.keepFailedScratch = keepFailedScratch;
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
            removeScratch(spec.id(), copy, false); // scratch goes when the project is done, also after a failure
        }
    }

    /**
     * Removes a project's scratch directory {@code dir}, unless {@code keep}; a directory that cannot be removed
     * is logged, never a failure of the project.
     */
    static void removeScratch(String project, Path dir, boolean keep) {
        if (keep) {
            LOG.info("{}: kept the scratch of the failed step in {}", project, dir);
            return;
        }
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            LOG.warn("{}: cannot remove the scratch {}: {}", project, dir, e.getMessage());
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
        CTranslationRecipe recipe;
        try {
            recipe = new CTranslationRecipe(spec.id(), crate.name(), crate.version(),
                    spec.subdir() == null ? "." : spec.subdir(), t.sources(), t.defines(), t.harness(),
                    port == null ? null : port.crate(), port == null ? null : port.version(),
                    port == null ? List.of() : port.features());
        } catch (IllegalArgumentException e) { // a value ManifestRules refuses (library callers skip the loader)
            failures.add(new Failure(spec.id(), STAGE, FailureClass.TRANSLATE_FAIL, e.getMessage()));
            return null;
        }
        Path scratch = workDir.resolve("c2rust").resolve(spec.id());
        int before = failures.size();
        CComparison comparison = c2rustExperiment(spec, recipe, scratch, failures);
        // its translation, builds and generated corpus are gigabytes; kept only when asked, after a failure
        removeScratch(spec.id(), scratch, keepFailedScratch && (comparison == null || failures.size() > before));
        return comparison;
    }

    private CComparison c2rustExperiment(ProjectSpec spec, CTranslationRecipe recipe, Path scratch,
                                         List<Failure> failures) {
        try {
            CComparisonRunner.Settings settings = CComparisonRunner.Settings.standard(scratch);
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
     * {@link ProjectResult#headlineFinding} (its rewritable loops only); else, when a rewritable loop's graph had
     * nothing to measure (no constant transition), that not-measured result, so the report says why; else nothing.
     */
    static Measurement headlineModel(MeasureOutcome o) {
        Finding f = ProjectResult.headlineFinding(o.findings());
        Measurement m = f == null || f.graph() == null ? null : o.models().get(f.graph().shapeHash());
        if (m != null) {
            return m;
        }
        return o.findings().stream().filter(x -> Boolean.TRUE.equals(x.eligible()) && x.graph() != null)
                .map(x -> o.models().get(x.graph().shapeHash()))
                .filter(x -> x != null && x.nothingToMeasure() != null)
                .findFirst().orElse(Measurement.staticOnly());
    }

    private static String safe(String s) {
        return Objects.requireNonNullElse(s, "local").replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
