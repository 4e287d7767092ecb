package io.loopscout.runner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.runner.Decision;
import io.loopscout.runner.EvidenceTier;
import io.loopscout.runner.Instability;
import io.loopscout.runner.Measurement;
import io.loopscout.runner.Verdict;
import io.loopscout.runner.sandbox.SandboxResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final double[] A = {1.00, 1.01, 0.99, 1.00, 1.02, 0.98, 1.00, 1.01, 0.99, 1.00,
        1.00, 0.99, 1.01, 1.00, 0.98, 1.02, 1.00, 0.99, 1.01, 1.00};

    private static double[] scaled(double f) {
        double[] out = new double[A.length];
        for (int i = 0; i < A.length; i++) {
            out[i] = A[(i + 3) % A.length] * f;
        }
        return out;
    }

    @Test
    void improvedBWithAQuietAaControl() {
        Series s = new Series(List.of("A", "B", "D", "A'"),
                new double[][] {A, scaled(0.8), scaled(0.9), scaled(1.0)}, true, null, null);
        Measurement m = Analysis.of(s).toMeasurement(EvidenceTier.PROJECT,
                Map.of("A", new CallgrindCounts(100, 10, 5)), "");
        assertEquals(1.25, m.speedup(), 0.005);
        assertEquals(1 / 0.9, m.llvmFlagSpeedup(), 0.005);
        assertEquals(0.0, m.aaNoise(), 0.005);
        assertTrue(m.ciLow() > 1.2 && m.ciHigh() < 1.3, m.ciLow() + " " + m.ciHigh());
        assertEquals(Verdict.IMPROVED, m.verdict());
        assertEquals(100L, m.variants().get(0).instructions());
        assertNull(m.variants().get(1).instructions());
        assertTrue(m.note().contains("A/A' 1.00"), m.note());
    }

    @Test
    void aNoisyAaControlRaisesTheBar() {
        // A' 5% slower than A by chance: a 4% gain of B is below that noise floor
        Series s = new Series(List.of("A", "B", "A'"), new double[][] {A, scaled(0.96), scaled(1.05)}, true, null,
                null);
        Measurement m = Analysis.of(s).toMeasurement(EvidenceTier.PROJECT, Map.of(), "");
        assertEquals(1 - 1 / 1.05, m.aaNoise(), 0.005);
        assertEquals(Verdict.WITHIN_NOISE, m.verdict(), m.note());
    }

    @Test
    void withinNoiseNeedsANarrowIntervalElseItIsUnstableAndSaysHowWide() {
        // the same 4% gain under a quiet A/A control, but B's runs scatter ±8% around it: the interval is wide
        double[] wild = scaled(0.96);
        for (int i = 0; i < wild.length; i += 2) {
            wild[i] *= 1.08;
            wild[i + 1] *= 0.93;
        }
        Series s = new Series(List.of("A", "B", "A'"), new double[][] {A, wild, scaled(1.0)}, true, null, null);
        Measurement m = Analysis.of(s).toMeasurement(EvidenceTier.PROJECT, Map.of(), "");
        assertEquals(Verdict.UNSTABLE, m.verdict(), m.note());
        Instability why = m.instability();
        assertEquals(Instability.Kind.NOT_CONVERGED, why.kind(), m.note());
        assertEquals("B", why.variant());
        assertTrue(why.value() > 0.01, why.text());
        assertTrue(m.note().contains("unstable: not-converged: CI ±"), m.note());
    }

    @Test
    void pairsDisturbedByLoadAreDroppedAndTooManyMakeItUnstable() {
        double[][] off = new double[2][A.length];
        off[1][3] = 0.6; // one run of B spent 60% of its time off the CPU: its pair goes
        Series s = new Series(List.of("A", "B"), new double[][] {A, scaled(0.8)}, true, null, null, true, off,
                Decision.Stop.CONVERGED, 12);
        Protocol p = Protocol.standard().withMaxOffCpu(0.25);
        Analysis a = Analysis.of(s, p);
        assertEquals(A.length - 1, a.kept().rounds());
        assertEquals(1, a.decision("B").discardedPairs());
        for (int r = 0; r < A.length; r += 2) {
            off[0][r] = 0.5; // ten more disturbed pairs: 11 of 20 dropped
        }
        Analysis busy = Analysis.of(s, p);
        assertEquals(Verdict.UNSTABLE, busy.verdict("B"));
        assertEquals(Instability.Kind.DISTURBED, busy.judgement("B").why().kind());
        assertEquals(0.55, busy.judgement("B").why().value(), 1e-9);
    }

    @Test
    void aFailedRunMakesItUnstableAndSaysWhy() {
        SandboxResult timeout = new SandboxResult(SandboxResult.Outcome.TIMEOUT, 137, Duration.ofMinutes(5), "",
                false, "killed at the wall-time limit of 300 s");
        Series s = new Series(List.of("A", "B"), new double[][] {A, scaled(0.5)}, true, "B", timeout);
        Measurement m = Analysis.of(s).toMeasurement(EvidenceTier.PROJECT, Map.of(), "");
        assertEquals(Verdict.UNSTABLE, m.verdict());
        assertTrue(m.note().contains("run of B failed: killed at the wall-time limit"), m.note());
        assertEquals(Instability.Kind.TIMEOUT, m.instability().kind());
        assertEquals("B", m.instability().variant());
        assertEquals(Decision.Stop.RUN_FAILED, m.decision().stop());
    }

    @Test
    void withoutBNothingIsClaimed() {
        Series s = new Series(List.of("A", "D", "A'"), new double[][] {A, scaled(0.9), scaled(1.0)}, true, null,
                null);
        Measurement m = Analysis.of(s).toMeasurement(EvidenceTier.PROJECT, Map.of(), "");
        assertNull(m.speedup());
        assertNull(m.pValue());
        assertEquals(Verdict.NOT_MEASURED, m.verdict());
        assertEquals(1 / 0.9, m.llvmFlagSpeedup(), 0.005);
    }
}
