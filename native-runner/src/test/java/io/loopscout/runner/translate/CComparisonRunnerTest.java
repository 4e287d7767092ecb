package io.loopscout.runner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CComparisonRunnerTest {

    @Test
    void readsCountsFromARealCallgrindRun() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/valgrind")), "valgrind not installed: skipped");
        CommandResult r = new LocalCommandRunner().run(new Command(List.of("valgrind", "--tool=callgrind",
                "--branch-sim=yes", "--callgrind-out-file=/dev/null", "/bin/true"), Path.of("/tmp"), Map.of(),
                Duration.ofMinutes(2)));
        assertTrue(r.ok(), r.stderr());
        long[] counts = CComparisonRunner.collected(r.stderr());
        assertNotNull(counts, r.stderr());
        assertTrue(counts[0] > 10_000, "Ir of /bin/true: " + counts[0]);
        assertTrue(counts[1] > 0 && counts[1] < counts[0], "branches below instructions");
        assertTrue(counts[2] <= counts[1], "mispredictions below branches");
    }

    @Test
    void aLogWithoutSummaryHasNoCounts() {
        assertNull(CComparisonRunner.collected("==1== Events    : Ir Bc\n"));
    }

    @Test
    void harnessTimeIsTheLastMarker() {
        String log = "mode=compress rep=0 seconds=1.5\nLOOPSCOUT_NS=1500000000\nLOOPSCOUT_NS=250000000\n";
        assertEquals(0.25, CComparisonRunner.harnessSeconds(log), 1e-12);
        assertNull(CComparisonRunner.harnessSeconds("LOOPSCOUT_NS=abc\n"));
    }
}
