package io.loopscout.runner.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static RatioEstimate est(double ratio, double lo, double hi) {
        return new RatioEstimate(ratio, lo, hi, 0.001);
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
