package io.loopscout.report;

import io.loopscout.core.Failure;
import io.loopscout.extract.Finding;
import io.loopscout.extract.rewrite.LoopOutcome;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.translate.CComparison;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything loopscout learnt about one project: what the reports are written from.
 *
 * @param spec        the manifest entry
 * @param version     the resolved revision (commit SHA or crate version)
 * @param findings    the project's findings, {@code modelSpeedup} filled where measured
 * @param measurement the project's measurement, or {@link Measurement#staticOnly()}
 * @param patch       the rewrite as a unified diff (empty when nothing was rewritten)
 * @param score       the ranking score (0 until scored)
 * @param rank        1-based rank (0 until scored)
 * @param cComparison the c2rust experiment (C against its translations), or null when the project has none
 * @param failure     why the project has no result (the first failure of the earliest stage that failed), or
 *                    null when it went through
 */
public record ProjectResult(ProjectSpec spec, String version, List<Finding> findings, Measurement measurement,
                            String patch, double score, int rank, CComparison cComparison, Failure failure)
        implements Serializable {

    public ProjectResult {
        Objects.requireNonNull(spec, "spec");
        version = version == null ? "" : version;
        findings = List.copyOf(findings);
        measurement = measurement == null ? Measurement.staticOnly() : measurement;
        patch = patch == null ? "" : patch;
    }

    /** An unscored result. */
    public static ProjectResult of(ProjectSpec spec, String version, List<Finding> findings,
                                   Measurement measurement, String patch) {
        return new ProjectResult(spec, version, findings, measurement, patch, 0, 0, null, null);
    }

    /** A manifest project that has no result because {@code failure} stopped it: it keeps a row in the reports. */
    public static ProjectResult failed(ProjectSpec spec, Failure failure) {
        return new ProjectResult(spec, "", List.of(), null, "", 0, 0, null, Objects.requireNonNull(failure));
    }

    /** Whether the project failed before it had a result. */
    public boolean isFailed() {
        return failure != null;
    }

    /** The same result with the c2rust experiment's comparison. */
    public ProjectResult withCComparison(CComparison comparison) {
        return new ProjectResult(spec, version, findings, measurement, patch, score, rank, comparison, failure);
    }

    /** The project id from the manifest. */
    public String id() {
        return spec.id();
    }

    /** The same result with its score and rank. */
    public ProjectResult withScore(double newScore, int newRank) {
        return new ProjectResult(spec, version, findings, measurement, patch, newScore, newRank, cComparison,
                failure);
    }

    /** How many findings the rewriter can turn into the {@code #[loop_match]} form. */
    public int eligibleCount() {
        return (int) findings.stream().filter(f -> Boolean.TRUE.equals(f.eligible())).count();
    }

    /** The project-tier speed-up A/B, or null when the project's own benchmark did not run. */
    public Double measuredSpeedup() {
        return measurement.tier() == EvidenceTier.PROJECT ? measurement.speedup() : null;
    }

    /** Ir(B)/Ir(A) of the project's measurement (callgrind), or null when B or A was not counted. */
    public Double instructionsRatio() {
        return measurement.instructionsRatio("B");
    }

    /** Ir(D)/Ir(A): the LLVM flag's change in instructions, or null when D or A was not counted. */
    public Double llvmFlagInstructionsRatio() {
        return measurement.instructionsRatio("D");
    }

    /**
     * Why the verdict is what it is, for reports: an unstable measurement's instability; for a project benchmark
     * without a variant B (verdict not-measured), why there is none: the loops were rewritten but B did not build
     * or run (failures.csv says how), or no loop was rewritten and each finding's outcome counted by reason
     * (e.g. {@code left-alone: state-type-has-fields ×1; not eligible: no-constant-transitions ×1}); for a
     * measurement with nothing to measure (a model graph without constant transitions), that reason. Else empty.
     * A project benchmark whose B executed exactly A's instructions also says so ({@link #SAME_INSTRUCTIONS}):
     * its time ratio then says nothing about {@code #[loop_match]}.
     */
    public String verdictReason() {
        String reason = decisionReason();
        Double ir = measurement.tier() == EvidenceTier.PROJECT ? instructionsRatio() : null;
        if (ir == null || ir != 1.0) {
            return reason;
        }
        return reason.isEmpty() ? SAME_INSTRUCTIONS : reason + "; " + SAME_INSTRUCTIONS;
    }

    /** Why a project's B can count exactly A's instructions (callgrind is exact: equal counts, equal work). */
    static final String SAME_INSTRUCTIONS = "Ir(B) = Ir(A) exactly: the benchmark does not run the rewritten loops, "
            + "or they compiled to the same code";

    private String decisionReason() {
        if (measurement.instability() != null) {
            return measurement.instability().text();
        }
        if (measurement.nothingToMeasure() != null) {
            return "nothing to measure: " + measurement.nothingToMeasure().id();
        }
        if (measurement.tier() != EvidenceTier.PROJECT || measurement.verdict() != Verdict.NOT_MEASURED) {
            return "";
        }
        long rewritten = findings.stream().filter(f -> f.rewrite() != null
                && f.rewrite().status() == LoopOutcome.Status.REWRITTEN).count();
        if (rewritten > 0) {
            return "no variant B: " + rewritten + " loop" + (rewritten == 1 ? "" : "s")
                    + " rewritten, but B did not build or its run failed or disagreed with A (failures.csv)";
        }
        if (findings.isEmpty()) {
            return "no variant B: no state loop found";
        }
        Map<String, Integer> why = new TreeMap<>();
        for (Finding f : findings) {
            why.merge(outcomeReason(f), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder("no variant B: no loop rewritten (");
        why.forEach((k, n) -> sb.append(k).append(" ×").append(n).append("; "));
        sb.setLength(sb.length() - 2);
        return sb.append(')').toString();
    }

    /** A finding's outcome by reason id: {@code left-alone: <id>}, {@code reverted}, or {@code not eligible: <id>}. */
    private static String outcomeReason(Finding f) {
        LoopOutcome o = f.rewrite();
        if (o == null) {
            String r = f.reason() == null || f.reason().isBlank() ? "no reason given" : f.reason();
            return Boolean.TRUE.equals(f.eligible()) ? "not attempted" : "not eligible: " + r;
        }
        if (o.status() == LoopOutcome.Status.LEFT_ALONE) {
            int colon = o.reason().indexOf(':');
            return "left-alone: " + (colon < 0 ? o.reason() : o.reason().substring(0, colon)).strip();
        }
        return o.status().id();
    }

    /**
     * The project's model-tier figure (its headline when the project's own benchmark did not run): the
     * measurement's when it is of the model tier, else the model speed-up of {@link #headlineFinding}, or null.
     */
    public Double modelSpeedup() {
        if (measurement.tier() == EvidenceTier.MODEL && measurement.speedup() != null) {
            return measurement.speedup();
        }
        Finding f = headlineFinding(findings);
        return f == null ? null : f.modelSpeedup();
    }

    /**
     * The finding whose model figure stands for the project: among its rewritable (eligible) loops with a model
     * speed-up, the median one (the lower of the two middle ones for an even count). Never the best over all
     * findings: a loop the rewriter cannot turn into {@code #[loop_match]} gains nothing from it, and the best of
     * many noisy kernels is biased upwards. Null when no rewritable loop was modelled.
     */
    public static Finding headlineFinding(List<Finding> findings) {
        List<Finding> rewritable = findings.stream()
                .filter(f -> Boolean.TRUE.equals(f.eligible()) && f.modelSpeedup() != null)
                .sorted(java.util.Comparator.comparingDouble(Finding::modelSpeedup)).toList();
        return rewritable.isEmpty() ? null : rewritable.get((rewritable.size() - 1) / 2);
    }

    /**
     * The reach in download units: crates.io downloads, or 1000 × repository stars when that is larger
     * (C projects have stars but no downloads). Written as the {@code popularity} column and scored on a log scale.
     */
    public long reach() {
        long downloads = Math.max(0, spec.popularity() == null ? 0 : spec.popularity().downloads());
        long stars = Math.max(0, spec.popularity() == null ? 0 : spec.popularity().stars());
        return Math.max(downloads, Math.min(stars, Long.MAX_VALUE / 1000) * 1000);
    }
}
