package io.loopscout.pipeline.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line: counts per stage instead of every project, an ETA, a bounded length. */
class ProgressTest {

    @Test
    void countsStagesAndEstimatesTheRest() {
        Progress.start(12);
        Progress.stage("a", AcquireSources.STAGE);
        Progress.stage("b", ExtractFindings.STAGE);
        Progress.stage("c", ExtractFindings.STAGE);
        Progress.stage("d", MeasureProjects.STAGE);
        Progress.step("d", "build and benchmark");
        Progress.stage("e", MeasureProjects.STAGE);
        Progress.done("e");
        Progress.stage("f", AcquireSources.STAGE);
        Progress.done("f");
        assertEquals("[2/12] acquire 1 · extract 2 · measure 1 · 1m04s, ETA 5m20s · d: build and benchmark",
                Progress.line(Duration.ofSeconds(64), 200));
        Progress.done("d");
        assertEquals("[3/12] acquire 1 · extract 2 · 1h02m, ETA 3h06m", Progress.line(Duration.ofMinutes(62), 200),
                "a finished project leaves its stage and its step");
    }

    @Test
    void tenThousandProjectsStillMakeOneShortLine() {
        Map<String, Integer> stages = new LinkedHashMap<>();
        stages.put("extract", 9_000);
        Map<String, String> steps = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            steps.put("project-" + i, "c2rust: compiling\r\nline two");
        }
        String line = Progress.line(new Progress.Snapshot(17, 10_000, stages, steps), Duration.ofSeconds(5), 80);
        assertEquals(80, line.codePointCount(0, line.length()), line);
        assertTrue(line.startsWith("[17/10000] extract 9000 · 5s, ETA "), line);
        assertTrue(line.endsWith("…"));
        assertTrue(line.chars().noneMatch(c -> c == '\r' || c == '\n'), "one line, whatever a step says");
    }

    @Test
    void atMostFourProjectsAreNamedAndTheRestCounted() {
        Map<String, String> steps = new java.util.TreeMap<>();
        for (int i = 0; i < 10_000; i++) {
            steps.put(String.format("p%05d", i), "build");
        }
        String line = Progress.line(new Progress.Snapshot(0, 10_000, Map.of(), steps), Duration.ofSeconds(5), 500);
        assertEquals("[0/10000] 5s · p00000: build · p00001: build · p00002: build · p00003: build · +9996 more", line);
    }
}
