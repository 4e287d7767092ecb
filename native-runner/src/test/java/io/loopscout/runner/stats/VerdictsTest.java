package io.loopscout.runner.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Instability;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static RatioEstimate est(double ratio, double lo, double hi) {
        return new RatioEstimate(ratio, lo, hi, 0.001);
    }

    @Test
    void aChangeMustAlsoClearTheComparisonsOwnNoise() {
        // 2.5% faster, CI [1.001, 1.049]: above 1, above the 1% floor, but within 1.31 x its own ±2.4% half-width
        Verdicts.Judgement j = Verdicts.judge("B", est(1.025, 1.001, 1.049), 0.02, 0.02, 0.0, null, 0.02);
        assertEquals(Verdict.UNSTABLE, j.verdict(), "a ±2.4% interval is too wide to call within-noise either");
        assertEquals(Instability.Kind.NOT_CONVERGED, j.why().kind());
        assertEquals(0.0234, j.why().value(), 1e-3);
        // the same gain measured tightly is improved
        assertEquals(Verdict.IMPROVED, Verdicts.judge("B", est(1.025, 1.015, 1.035), 0.02, 0.02, 0.0, null, 0.02)
                .verdict());
        // 1.8% faster with a ±1.5% interval: 1.31 x 1.5% = 2.0% bar, so within noise
        assertEquals(Verdict.WITHIN_NOISE, Verdicts.judge("B", est(1.018, 1.003, 1.0333), 0.02, 0.02, 0.0, null,
                0.02).verdict());
    }

    @Test
    void unstableNamesTheSideWithTheHighCvAndItsValue() {
        Verdicts.Judgement j = Verdicts.judge("A'", est(1.0, 0.99, 1.01), 0.03, 0.124, 0.0, null, 0.02);
        assertEquals(Verdict.UNSTABLE, j.verdict());
        assertEquals(new Instability(Instability.Kind.HIGH_CV, "A'", 0.124, Verdicts.MAX_CV, ""), j.why());
        assertEquals("high-cv: cv 12.4% of A' (max 10.0%)", j.why().text());
        assertEquals("A", Verdicts.judge("B", est(1.0, 0.99, 1.01), 0.2, 0.124, 0.0, null, 0.02).why().variant());
    }

    @Test
    void improvedNeedsTheWholeIntervalAboveOneAndAGainOverTheFloor() {
        assertEquals(Verdict.IMPROVED, Verdicts.decide(est(1.10, 1.05, 1.15), 0.02, 0.02, 0.005, false));
        // gain 1 - 1/1.10 = 9.1%: not above a 10% noise floor
        assertEquals(Verdict.WITHIN_NOISE, Verdicts.decide(est(1.10, 1.05, 1.15), 0.02, 0.02, 0.10, false));
        // interval touches 1
        assertEquals(Verdict.WITHIN_NOISE, Verdicts.decide(est(1.10, 0.99, 1.2), 0.02, 0.02, 0.0, false));
        // significant but below the 1% minimum effect: 1 - 1/1.005 = 0.5%
        assertEquals(Verdict.WITHIN_NOISE, Verdicts.decide(est(1.005, 1.002, 1.008), 0.01, 0.01, 0.0, false));
    }

    @Test
    void regressedIsTheMirrorImage() {
        // B 10% slower: A/B = 1/1.1
        assertEquals(Verdict.REGRESSED, Verdicts.decide(est(1 / 1.1, 0.89, 0.93), 0.02, 0.02, 0.01, false));
        assertEquals(Verdict.WITHIN_NOISE, Verdicts.decide(est(1 / 1.1, 0.89, 0.93), 0.02, 0.02, 0.2, false));
        assertEquals(Verdict.WITHIN_NOISE, Verdicts.decide(est(0.995, 0.99, 0.999), 0.02, 0.02, 0.0, false));
    }

    @Test
    void unstableOnHighVariationOrFailure() {
        assertEquals(Verdict.UNSTABLE, Verdicts.decide(est(1.5, 1.4, 1.6), 0.11, 0.02, 0.0, false));
        assertEquals(Verdict.UNSTABLE, Verdicts.decide(est(1.5, 1.4, 1.6), 0.02, 0.101, 0.0, false));
        assertEquals(Verdict.UNSTABLE, Verdicts.decide(est(1.5, 1.4, 1.6), 0.02, 0.02, 0.0, true));
        assertEquals(Verdict.UNSTABLE, Verdicts.decide(null, 0.02, 0.02, 0.0, false));
    }

    @Test
    void benjaminiHochbergDropsWeakDiscoveries() {
        List<Measurement> run = List.of(
                m(Verdict.IMPROVED, 0.001), m(Verdict.IMPROVED, 0.04), m(Verdict.WITHIN_NOISE, 0.5),
                m(Verdict.REGRESSED, 0.03), m(Verdict.UNSTABLE, null));
        // 4 tests: q = 0.004, 0.053, 0.5, 0.053 -> only the first stays a discovery
        List<Measurement> out = Verdicts.controlFalseDiscoveries(run);
        assertEquals(Verdict.IMPROVED, out.get(0).verdict());
        assertEquals(Verdict.WITHIN_NOISE, out.get(1).verdict());
        assertTrue(out.get(1).note().contains("Benjamini-Hochberg"), out.get(1).note());
        assertEquals(Verdict.WITHIN_NOISE, out.get(2).verdict());
        assertEquals(Verdict.WITHIN_NOISE, out.get(3).verdict());
        assertEquals(Verdict.UNSTABLE, out.get(4).verdict());
    }

    private static Measurement m(Verdict v, Double p) {
        return new Measurement(EvidenceTier.PROJECT, 1.1, 1.05, 1.15, null, 0.0, v, p, List.of(), "");
    }
}
