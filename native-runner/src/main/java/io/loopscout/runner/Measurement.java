package io.loopscout.runner;

import io.loopscout.extract.rewrite.RefusalReason;
import java.io.Serializable;
import java.util.List;

/**
 * The result of measuring one project (project tier) or one state graph (model tier).
 * Speed-ups are time ratios A / X estimated over interleaved pairs: above 1 means X is faster than A.
 *
 * @param tier            the evidence tier
 * @param speedup         A / B ({@code #[loop_match]}), or null when not measured
 * @param ciLow           lower bound of the 95% CI of {@code speedup}
 * @param ciHigh          upper bound
 * @param llvmFlagSpeedup A / D (the LLVM dfa-jump-thread flag), or null
 * @param aaNoise         |1 - A / A'|, the noise floor of this measurement, or null
 * @param verdict         the verdict of B against A
 * @param pValue          the p-value of B against A (for Benjamini–Hochberg), or null
 * @param variants        per-variant statistics
 * @param note            free text (which sandbox, load, ...)
 * @param decision        how the timed comparison was decided (stop reason, pairs, clock, why unstable), or null
 *                        when nothing was timed
 * @param nothingToMeasure with verdict not-measured: why B could not differ from A, so nothing was run (a model
 *                        graph with {@link RefusalReason#NO_CONSTANT_TRANSITIONS}, the same judgement that makes
 *                        the rewriter leave such a loop alone); null otherwise
 */
public record Measurement(EvidenceTier tier, Double speedup, Double ciLow, Double ciHigh, Double llvmFlagSpeedup,
                          Double aaNoise, Verdict verdict, Double pValue, List<VariantStats> variants, String note,
                          Decision decision, RefusalReason nothingToMeasure)
        implements Serializable {

    public Measurement {
        variants = List.copyOf(variants);
    }

    /**
     * Callgrind's instruction count of {@code variant} over A's, Ir(variant)/Ir(A): exact evidence of the change
     * in work done, beside the timed speed-up. Null when either was not counted.
     */
    public Double instructionsRatio(String variant) {
        Long a = instructions("A");
        Long x = instructions(variant);
        return a == null || x == null || a == 0 ? null : (double) x / a;
    }

    private Long instructions(String variant) {
        return variants.stream().filter(v -> v.variant().equals(variant) && v.instructions() != null)
                .map(VariantStats::instructions).findFirst().orElse(null);
    }

    /** A measurement (or a failure to measure) with a recorded decision or none. */
    public Measurement(EvidenceTier tier, Double speedup, Double ciLow, Double ciHigh, Double llvmFlagSpeedup,
                       Double aaNoise, Verdict verdict, Double pValue, List<VariantStats> variants, String note,
                       Decision decision) {
        this(tier, speedup, ciLow, ciHigh, llvmFlagSpeedup, aaNoise, verdict, pValue, variants, note, decision, null);
    }

    /** A measurement without a recorded decision. */
    public Measurement(EvidenceTier tier, Double speedup, Double ciLow, Double ciHigh, Double llvmFlagSpeedup,
                       Double aaNoise, Verdict verdict, Double pValue, List<VariantStats> variants, String note) {
        this(tier, speedup, ciLow, ciHigh, llvmFlagSpeedup, aaNoise, verdict, pValue, variants, note, null);
    }

    /** Nothing measured: the static tier. */
    public static Measurement staticOnly() {
        return new Measurement(EvidenceTier.STATIC, null, null, null, null, null, Verdict.NOT_MEASURED, null,
                List.of(), "");
    }

    /**
     * Not measured because there was nothing to compare: B would be the same program as A ({@code why}).
     */
    public static Measurement nothingToMeasure(EvidenceTier tier, RefusalReason why, String note) {
        return new Measurement(tier, null, null, null, null, null, Verdict.NOT_MEASURED, null, List.of(), note, null,
                java.util.Objects.requireNonNull(why, "why"));
    }

    /** Why the verdict is unstable, or null (also null for every other verdict). */
    public Instability instability() {
        return decision == null || verdict != Verdict.UNSTABLE ? null : decision.instability();
    }

    /** The same measurement with another verdict and note (e.g. after false-discovery control). */
    public Measurement withVerdict(Verdict v, String newNote) {
        return new Measurement(tier, speedup, ciLow, ciHigh, llvmFlagSpeedup, aaNoise, v, pValue, variants, newNote,
                decision, nothingToMeasure);
    }
}
