package io.loopscout.runner.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.runner.sandbox.Limits;
import io.loopscout.runner.sandbox.SandboxResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InterleavedRunsTest {

    private static Protocol protocol(int pairs, Duration perVariant) {
        return new Protocol(1, pairs, perVariant, 100, Duration.ofMinutes(1), null, false, Limits.bench(),
                Limits.bench());
    }

    /** A run that reports {@code seconds} through the harness line and logs its label. */
    private static Supplier<SandboxResult> run(String label, double seconds, List<String> order) {
        return () -> {
            order.add(label);
            return new SandboxResult(SandboxResult.Outcome.OK, 0, Duration.ofMillis(1),
                    "LOOPSCOUT_NS=" + (long) (seconds * 1e9) + "\n", false, "");
        };
    }

    @Test
    void warmsUpThenAlternatesTheOrderOfEachPair() {
        List<String> order = new ArrayList<>();
        LinkedHashMap<String, Supplier<SandboxResult>> v = new LinkedHashMap<>();
        v.put("A", run("A", 0.2, order));
        v.put("B", run("B", 0.1, order));
        Series s = InterleavedRuns.run(protocol(3, Duration.ZERO.plusNanos(1)), v);
        assertEquals(List.of("A", "B", "A", "B", "B", "A", "A", "B"), order);
        assertEquals(3, s.rounds());
        assertArrayEquals(new double[] {0.2, 0.2, 0.2}, s.of("A"), 1e-12);
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, s.of("B"), 1e-12);
        assertTrue(s.harnessTimed());
    }

    @Test
    void addsRoundsUntilEveryVariantHasItsMinimumTime() {
        List<String> order = new ArrayList<>();
        LinkedHashMap<String, Supplier<SandboxResult>> v = new LinkedHashMap<>();
        v.put("A", run("A", 0.5, order));
        v.put("B", run("B", 0.25, order));
        Series s = InterleavedRuns.run(protocol(2, Duration.ofSeconds(3)), v);
        assertEquals(12, s.rounds(), "B needs 12 runs of 0.25 s to reach 3 s");
    }

    @Test
    void aFailedRunStopsTheRoundsAndIsReported() {
        List<String> order = new ArrayList<>();
        int[] calls = {0};
        LinkedHashMap<String, Supplier<SandboxResult>> v = new LinkedHashMap<>();
        v.put("A", run("A", 0.1, order));
        v.put("B", () -> ++calls[0] < 3 ? run("B", 0.1, order).get()
                : new SandboxResult(SandboxResult.Outcome.TIMEOUT, 137, Duration.ofSeconds(1), "", false, "killed"));
        Series s = InterleavedRuns.run(protocol(10, Duration.ZERO.plusNanos(1)), v);
        assertTrue(s.failed());
        assertEquals("B", s.failedVariant());
        assertEquals(1, s.rounds(), "warm-up, one full round, then B fails in the second");
    }
}
