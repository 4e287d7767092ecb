package io.loopscout.pipeline.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The progress line stays short however many projects are in flight. */
class ProgressTest {

    @Test
    void tenThousandProjectsInFlightMakeAShortLine() {
        Progress.start(10_000);
        for (int i = 0; i < 10_000; i++) {
            Progress.stage(String.format("project-%05d", i), "extract");
        }
        Progress.done("project-00000");
        String line = Progress.line();
        assertEquals("[1/10000] extract: project-00001, extract: project-00002, extract: project-00003, "
                + "extract: project-00004 +9995 more", line);
        assertTrue(line.length() < 200, line);
        Progress.start(0);
    }
}
