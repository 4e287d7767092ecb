package io.loopscout.runner.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.loopscout.runner.sandbox.SandboxResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void harnessTimeWinsOverWallTimeAndTheLastLineCounts() {
        SandboxResult r = new SandboxResult(SandboxResult.Outcome.OK, 0, Duration.ofSeconds(2),
                "LOOPSCOUT_NS=5\nwarming\nLOOPSCOUT_NS=250000000\n", false, "");
        assertEquals(0.25, Timing.seconds(r), 1e-12);
    }

    @Test
    void cpuClockReadsTheCgroupTimeAndFallsBackWithoutIt() {
        SandboxResult r = new SandboxResult(SandboxResult.Outcome.OK, 0, Duration.ofSeconds(2),
                "LOOPSCOUT_NS=250000000\n", false, "", Duration.ofMillis(230));
        assertEquals(0.23, Timing.seconds(r, Timing.Clock.CPU), 1e-12);
        assertEquals(0.25, Timing.seconds(r, Timing.Clock.WALL), 1e-12);
        SandboxResult noCpu = new SandboxResult(SandboxResult.Outcome.OK, 0, Duration.ofSeconds(2), "", false, "");
        assertEquals(2.0, Timing.seconds(noCpu, Timing.Clock.CPU), 1e-12);
    }

    @Test
    void wallTimeWithoutAHarnessLine() {
        SandboxResult r = new SandboxResult(SandboxResult.Outcome.OK, 0, Duration.ofMillis(1500),
                "xLOOPSCOUT_NS=7\n", false, "");
        assertNull(Timing.harnessSeconds(r.log()));
        assertEquals(1.5, Timing.seconds(r), 1e-12);
    }
}
