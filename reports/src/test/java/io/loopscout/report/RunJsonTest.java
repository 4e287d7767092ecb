package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopscout.core.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJsonTest {

    @Test
    void runJsonSaysWhatRan(@TempDir Path dir) throws Exception {
        Path file = RunJson.write(dir, ResultFixtures.runInfo(), ResultFixtures.all(), ResultFixtures.failures());
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        assertEquals("corpus-manifest/manifests/default.yaml", root.get("manifest").asText());
        assertEquals("rustc 1.95.0", root.at("/versions/rustc").asText());
        assertEquals("valgrind-3.19.0", root.at("/versions/valgrind").asText());
        assertEquals("cc (Debian 12.2.0-14) 12.2.0", root.at("/versions/cc").asText());
        assertEquals("bwrap --unshare-all", root.get("sandbox").asText());
        assertTrue(root.get("timing").asText().startsWith("clock cpu"), root.get("timing").asText());
        assertEquals(2, root.at("/host/cores").asInt());
        assertEquals("2026-11-23T19:00:00Z", root.get("start").asText());
        assertEquals(2550.5, root.get("duration_seconds").asDouble());
        assertEquals("project", root.get("measure_mode").asText());
        assertEquals(1234, root.at("/counts/files_scanned").asLong());
        assertEquals(3, root.at("/counts/files_skipped_too_large").asLong());
        assertEquals(7, root.at("/counts/binary_files_skipped").asLong());
        assertEquals(1, root.at("/counts/symlinks_refused").asLong());
        assertEquals(2, root.at("/counts/file_outcomes/parse_timeout").asLong());
        assertEquals(1, root.at("/counts/file_outcomes/too_deep").asLong());
        assertEquals(0, root.at("/counts/file_outcomes/extractor_error").asLong(), "every outcome, zeros too");
        assertTrue(root.at("/counts/file_outcomes/extractor_error").isNumber());
        assertEquals(3, root.at("/counts/not_analysed").asLong());
        assertEquals(5, root.at("/counts/findings").asLong());
        List<String> patterns = new ArrayList<>();
        root.at("/counts/findings_by_pattern").fieldNames().forEachRemaining(patterns::add);
        assertEquals(List.of("c/computed-goto", "c/switch-state-loop", "rust/field-state-loop",
                "rust/state-loop"), patterns, "pattern counts sorted by id");
        assertEquals(RunJson.render(ResultFixtures.runInfo(), ResultFixtures.all(), ResultFixtures.failures()),
                Files.readString(file));
    }

    @Test
    void statusAndFailureCountsByClass(@TempDir Path dir) throws Exception {
        List<ProjectResult> rows = new ArrayList<>(ResultFixtures.all());
        rows.add(ResultFixtures.failedCrate());
        List<Failure> failures = new ArrayList<>(ResultFixtures.failures());
        failures.add(ResultFixtures.FAILED_CRATE);
        RunJson.write(dir, ResultFixtures.runInfo(), rows, failures);
        JsonNode root = new ObjectMapper().readTree(Files.readString(dir.resolve(RunJson.FILE)));
        assertEquals("complete-with-failures", root.get("status").asText());
        assertEquals(4, root.at("/failures/total").asInt());
        assertEquals(1, root.at("/failures/projects_failed").asInt());
        assertEquals(3, root.at("/failures/projects_with_failures").asInt());
        assertEquals(1, root.at("/failures/by_class/fetch-fail").asInt());
        assertEquals(1, root.at("/failures/by_class/build-fail").asInt());
        RunJson.Summary summary = RunJson.readSummary(dir);
        assertEquals(new RunJson.Summary(RunStatus.COMPLETE_WITH_FAILURES, 4, 1, 5, 4, 2550.5), summary);

        RunJson.write(dir, ResultFixtures.runInfo(), ResultFixtures.all(), List.of());
        assertEquals(RunStatus.COMPLETE, RunJson.readSummary(dir).status());
        assertEquals(0, new ObjectMapper().readTree(dir.resolve(RunJson.FILE).toFile()).at("/failures/total").asInt());
    }
}
