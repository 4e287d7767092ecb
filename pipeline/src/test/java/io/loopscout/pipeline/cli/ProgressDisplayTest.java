package io.loopscout.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.pipeline.beam.Progress;
import io.loopscout.report.RunJson;
import io.loopscout.report.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What stderr gets: plain lines in a pipe, one rewritten line on a terminal, then a clean summary. */
class ProgressDisplayTest {

    private static final RunJson.Summary SUMMARY = new RunJson.Summary(RunStatus.COMPLETE_WITH_FAILURES, 3, 1, 1,
            2, 83.2);

    private static String run(boolean terminal) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressDisplay d = new ProgressDisplay(err, terminal, 60, Duration.ofMillis(50));
        Progress.start(3);
        d.start("3 projects, measure static, outputs to /o");
        Progress.stage("a", "extract");
        Thread.sleep(terminal ? 1500 : 300); // a terminal redraws every second
        Progress.done("a");
        Thread.sleep(terminal ? 1200 : 300);
        d.summary(SUMMARY, Path.of("/o"));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPipeGetsPlainLinesOnlyWhenCountsMove() throws Exception {
        String out = run(false);
        assertFalse(out.contains("\r") || out.contains("\033"), "no carriage return, no escape code: " + out);
        String[] lines = out.split("\n");
        assertEquals("loopscout: 3 projects, measure static, outputs to /o", lines[0]);
        assertTrue(lines[1].startsWith("[0/3] extract 1 · "), out);
        assertTrue(lines[2].startsWith("[1/3] "), out);
        assertEquals(4, lines.length, "one line per change, not per tick: " + out);
        assertEquals("loopscout: done in 1m23s: 3 projects (1 failed), 1 finding, 2 failures (failures.csv); "
                + "open /o/report.html", lines[3]);
    }

    @Test
    void aTerminalGetsOneLineRewrittenAndACleanLastLine() throws Exception {
        String out = run(true);
        assertTrue(out.contains("\r\033[K[0/3] extract 1 · "), out);
        String last = out.substring(out.lastIndexOf("\033[K") + 3);
        assertEquals("loopscout: done in 1m23s: 3 projects (1 failed), 1 finding, 2 failures (failures.csv); "
                + "open /o/report.html\n", last, "the progress line is cleared, the summary stands alone");
        for (String drawn : out.split("\r\033\\[K")) {
            assertTrue(drawn.replace("\n", "").length() <= 200, drawn);
        }
    }
}
