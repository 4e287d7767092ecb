package io.loopscout.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loopscout.core.Failure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** run.json: what ran (manifest, tool versions, sandbox, host, times, counts). Keys in a fixed order. */
public final class RunJson {

    /** The file name in the output folder. */
    public static final String FILE = "run.json";

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static {
        MAPPER.getFactory().setCharacterEscapes(new JsonInvisibleEscapes());
    }

    private RunJson() {
    }

    /**
     * The JSON text (pretty-printed, ending in a newline).
     *
     * @param run      what ran
     * @param results  every project's row, failed ones included
     * @param failures every failure of the run
     */
    public static String render(RunInfo run, List<ProjectResult> results, List<Failure> failures) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("status", RunStatus.of(failures).id());
        root.put("manifest", run.manifest());
        ObjectNode versions = root.putObject("versions");
        versions.put("loopscout", run.loopscoutVersion());
        versions.put("rustc", run.rustcVersion());
        versions.put("cc", run.ccVersion());
        versions.put("valgrind", run.valgrindVersion());
        root.put("sandbox", run.sandbox());
        root.put("timing", run.timing());
        root.put("load_average", run.load());
        root.put("loopscout_commit", run.commit());
        ObjectNode host = root.putObject("host");
        host.put("cpu_model", run.cpuModel());
        host.put("cores", run.cores());
        root.put("start", run.start().toString());
        root.put("end", run.end().toString());
        root.put("duration_seconds", Duration.between(run.start(), run.end()).toMillis() / 1000.0);
        root.put("measure_mode", run.measureMode());
        root.put("runner", run.runner());
        RunInfo.Counts c = run.counts();
        ObjectNode counts = root.putObject("counts");
        counts.put("projects", c.projects());
        counts.put("files_scanned", c.filesScanned());
        counts.put("files_skipped_too_large", c.filesSkippedTooLarge());
        counts.put("binary_files_skipped", c.binaryFilesSkipped());
        counts.put("symlinks_refused", c.symlinksRefused());
        counts.put("parse_errors", c.parseErrors());
        counts.put("not_utf8", c.notUtf8());
        ObjectNode outcomes = counts.putObject("file_outcomes"); // each outcome on its own, in enum order
        c.fileOutcomes().forEach((o, n) -> outcomes.put(o.key(), n));
        counts.put("not_analysed", c.notAnalysed());
        ObjectNode byPattern = counts.putObject("findings_by_pattern");
        c.findingsByPattern().forEach(byPattern::put); // sorted map: stable key order
        counts.put("findings", c.findingsByPattern().values().stream().mapToLong(Long::longValue).sum());
        corpus(root.putObject("corpus"), CorpusSummary.of(results));
        ObjectNode failed = root.putObject("failures");
        failed.put("total", failures.size());
        failed.put("projects_failed", results.stream().filter(ProjectResult::isFailed).count());
        failed.put("projects_with_failures", failures.stream().map(Failure::project).distinct().count());
        Map<String, Long> byClass = new TreeMap<>();
        failures.forEach(f -> byClass.merge(f.failureClass().id(), 1L, Long::sum));
        ObjectNode classes = failed.putObject("by_class");
        byClass.forEach(classes::put);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise run.json", e); // a tree of plain values always serialises
        }
    }

    /**
     * The corpus summary: per pattern the projects that have it and its findings; the Rust state machines by form
     * (loop-form versus step functions, dispatch loops apart); the rewritable loops.
     */
    private static void corpus(ObjectNode node, CorpusSummary s) {
        node.put("projects_with_results", s.projects());
        node.put("projects_with_findings", s.projectsWithFindings());
        ObjectNode patterns = node.putObject("by_pattern");
        for (io.loopscout.extract.Pattern p : io.loopscout.extract.Pattern.values()) {
            ObjectNode t = patterns.putObject(p.id());
            t.put("projects", s.of(p).projects());
            t.put("findings", s.of(p).findings());
        }
        ObjectNode forms = node.putObject("by_form");
        for (CorpusSummary.MachineForm m : CorpusSummary.MachineForm.values()) {
            ObjectNode t = forms.putObject(m.id());
            t.put("projects", s.of(m).projects());
            t.put("findings", s.of(m).findings());
        }
        ObjectNode rewritable = node.putObject("rewritable_loops");
        rewritable.put("loops", s.rewritable());
        rewritable.put("projects", s.rewritableProjects());
        rewritable.put("rewrite_attempted", s.rewriteAttempted());
        rewritable.put("rewritten", s.rewritten());
    }

    /** Writes run.json into {@code outDir}. */
    public static Path write(Path outDir, RunInfo run, List<ProjectResult> results, List<Failure> failures) {
        return OutputFile.write(outDir, FILE, render(run, results, failures));
    }

    /**
     * What a finished run's run.json says, for the command line's last line and exit status.
     *
     * @param status          how the run ended
     * @param projects        projects in the run
     * @param projectsFailed  projects with no result
     * @param findings        findings in all
     * @param failures        rows of failures.csv
     * @param durationSeconds how long the run took
     */
    public record Summary(RunStatus status, long projects, long projectsFailed, long findings, long failures,
                          double durationSeconds) {
    }

    /** The summary recorded in {@code outDir}'s run.json. */
    public static Summary readSummary(Path outDir) throws IOException {
        JsonNode root = MAPPER.readTree(outDir.resolve(FILE).toFile());
        JsonNode status = root.get("status");
        if (status == null) {
            throw new IOException(outDir.resolve(FILE) + " has no status");
        }
        return new Summary(RunStatus.ofId(status.asText()), root.at("/counts/projects").asLong(),
                root.at("/failures/projects_failed").asLong(), root.at("/counts/findings").asLong(),
                root.at("/failures/total").asLong(), root.path("duration_seconds").asDouble());
    }
}
