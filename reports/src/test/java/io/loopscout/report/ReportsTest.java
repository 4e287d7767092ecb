package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {

    @Test
    void writesTheSixOutputsIdenticallyTwice(@TempDir Path dir) throws Exception {
        List<Path> first = Reports.writeAll(dir.resolve("a"), HtmlReportTest.ranked(), ResultFixtures.failures(),
                ResultFixtures.runInfo(), "formula", Changes.none());
        List<Path> second = Reports.writeAll(dir.resolve("b"), HtmlReportTest.ranked(), ResultFixtures.failures(),
                ResultFixtures.runInfo(), "formula", Changes.none());
        assertEquals(List.of("projects.csv", "findings.csv", "failures.csv", "changes.csv", "report.html", "findings.sarif",
                "run.json"), first.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)),
                    first.get(i).getFileName() + " is deterministic");
        }
    }
}
