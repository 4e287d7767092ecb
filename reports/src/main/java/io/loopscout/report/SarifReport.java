package io.loopscout.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * findings.sarif: SARIF 2.1.0, one run of loopscout over the corpus, one result per finding. Rule ids are the
 * pattern ids; a result's file is relative to its project, named by {@code uriBaseId} = the project id, whose
 * web address (docs.rs or the repository at the resolved revision) is in {@code originalUriBaseIds} when known.
 */
public final class SarifReport {

    /** The file name in the output folder. */
    public static final String FILE = "findings.sarif";

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** The key of loopscout's fingerprint in {@code partialFingerprints}; bump the suffix if its inputs change. */
    static final String FINGERPRINT_KEY = "loopscoutLoop/v1";

    private SarifReport() {
    }

    /** The SARIF text (pretty-printed JSON, ending in a newline). */
    public static String render(List<ProjectResult> results, String toolVersion) {
        ObjectNode root = RunJson.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "loopscout");
        driver.put("version", toolVersion == null || toolVersion.isBlank() ? "unknown" : toolVersion);
        ArrayNode rules = driver.putArray("rules");
        for (Pattern p : Pattern.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", p.id());
            rule.put("name", ruleName(p));
            rule.putObject("shortDescription").put("text", p.description());
            rule.putObject("fullDescription").put("text", p.description());
            rule.putObject("defaultConfiguration").put("level", "note");
            rule.putObject("properties").putArray("tags").add(p.language().id()).add("state-machine");
        }
        List<ProjectResult> ordered = ProjectsCsv.sorted(results);
        ObjectNode bases = RunJson.MAPPER.createObjectNode();
        ArrayNode out = run.putArray("results");
        for (ProjectResult r : ordered) {
            String base = Permalinks.base(r.spec(), r.version());
            if (!base.isEmpty()) {
                bases.putObject(r.id()).put("uri", base);
            }
            r.findings().stream().sorted(FindingsCsv.ORDER).forEach(f -> out.add(result(r, f)));
        }
        if (!bases.isEmpty()) {
            run.set("originalUriBaseIds", bases);
        }
        run.put("columnKind", "unicodeCodePoints");
        try {
            return RunJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise SARIF", e); // a tree of plain values always serialises
        }
    }

    /** Writes findings.sarif into {@code outDir}. */
    public static Path write(Path outDir, List<ProjectResult> results, String toolVersion) {
        return CsvTable.write(outDir, FILE, render(results, toolVersion));
    }

    /** {@code rust/field-state-loop} → {@code RustFieldStateLoop} (SARIF rule names are identifiers). */
    private static String ruleName(Pattern p) {
        StringBuilder sb = new StringBuilder();
        for (String part : p.id().split("[/-]")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }

    private static ObjectNode result(ProjectResult r, Finding f) {
        ObjectNode res = RunJson.MAPPER.createObjectNode();
        Pattern p = f.pattern();
        res.put("ruleId", p == null ? "unknown" : p.id());
        if (p != null) {
            res.put("ruleIndex", p.ordinal());
        }
        res.put("level", "note");
        res.putObject("message").put("text", message(f));
        ObjectNode loc = res.putArray("locations").addObject();
        ObjectNode phys = loc.putObject("physicalLocation");
        ObjectNode artifact = phys.putObject("artifactLocation");
        artifact.put("uri", Permalinks.path(f.file() == null ? "" : f.file()));
        artifact.put("uriBaseId", r.id());
        ObjectNode region = phys.putObject("region");
        int start = Math.max(1, f.startLine());
        region.put("startLine", start);
        region.put("endLine", Math.max(start, f.endLine()));
        if (f.snippet() != null && !f.snippet().isEmpty()) {
            region.putObject("snippet").put("text", f.snippet());
        }
        if (f.function() != null && !f.function().isEmpty()) {
            loc.putArray("logicalLocations").addObject().put("name", f.function()).put("kind", "function");
        }
        res.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(r, f));
        ObjectNode props = res.putObject("properties");
        props.put("project", r.id());
        props.put("version", r.version());
        props.put("states", f.states());
        props.put("constTransitions", f.constTransitions());
        props.put("dynamicTransitions", f.dynamicTransitions());
        props.put("fallthroughs", f.fallthroughs());
        props.put("exits", f.exits());
        props.put("parseErrors", f.parseErrors());
        if (f.stateType() != null) {
            props.put("stateType", f.stateType());
        }
        if (f.eligible() != null) {
            props.put("eligible", f.eligible());
        }
        if (f.reason() != null) {
            props.put("reason", f.reason());
        }
        if (f.rewrite() != null) {
            props.put("rewrite", f.rewrite().cell());
        }
        if (f.confidence() != null) {
            props.put("confidence", f.confidence().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (f.driverFunction() != null) {
            // rust/step-machine: where the loop that drives the step stands
            props.put("driverFunction", f.driverFunction());
            props.put("driverLine", f.driverLine());
        }
        if (f.modelSpeedup() != null && Double.isFinite(f.modelSpeedup())) {
            props.put("modelSpeedup", f.modelSpeedup());
        }
        return res;
    }

    private static String message(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.pattern() == null ? "Loop" : f.pattern().description().replaceAll("\\.$", ""));
        if (f.function() != null && !f.function().isEmpty()) {
            sb.append(" in ").append(f.function());
        }
        sb.append(": ").append(f.states()).append(" states, ").append(f.constTransitions())
                .append(" constant and ").append(f.dynamicTransitions()).append(" dynamic transitions");
        if (Boolean.TRUE.equals(f.eligible())) {
            sb.append("; eligible for #[loop_match]");
        } else if (f.reason() != null && !f.reason().isEmpty()) {
            sb.append("; not eligible (").append(f.reason()).append(')');
        }
        if (f.driverFunction() != null) {
            sb.append("; driven by the loop in ").append(f.driverFunction()).append(" at line ").append(f.driverLine());
        }
        if (f.modelSpeedup() != null && Double.isFinite(f.modelSpeedup())) {
            sb.append("; model speed-up ").append(CsvTable.number(f.modelSpeedup(), 3)).append('×');
        }
        return sb.append('.').toString();
    }

    /**
     * A fingerprint that survives line shifts: project, file, function, pattern, state variable and the loop's
     * text with whitespace collapsed.
     */
    static String fingerprint(ProjectResult r, Finding f) {
        String key = String.join("\u0000", r.id(), nz(f.file()), nz(f.function()),
                f.pattern() == null ? "" : f.pattern().id(), nz(f.stateVariable()),
                nz(f.snippet()).replaceAll("\\s+", " ").strip());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
