package io.loopscout.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import io.loopscout.extract.Sha256;
import java.nio.file.Path;
import java.util.List;

/**
 * findings.sarif: SARIF 2.1.0, one run of loopscout over the corpus, one result per finding, shaped for GitHub code
 * scanning. Rule ids are the pattern ids, each with help from rule-help.md. A result's file is relative to its
 * repository's root (the project's subdir included), named by {@code uriBaseId} = the project id, which
 * {@code originalUriBaseIds} always defines: the web address of the repository at the resolved revision, the
 * crate's source on docs.rs, or the local checkout's {@code file:} URI.
 */
public final class SarifReport {

    /** The file name in the output folder. */
    public static final String FILE = "findings.sarif";

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** What #[loop_match] is and why loopscout gathers evidence for it: the tool's and the rules' help address. */
    static final String INFORMATION_URI = "https://github.com/rust-lang/rfcs/pull/3720";

    private static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter
            .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    /** The key of loopscout's fingerprint in {@code partialFingerprints}; bump the suffix if its inputs change. */
    static final String FINGERPRINT_KEY = "loopscoutLoop/v1";

    private SarifReport() {
    }

    /** The SARIF text (pretty-printed JSON, ending in a newline). */
    public static String render(List<ProjectResult> results, RunInfo info) {
        String toolVersion = info.loopscoutVersion();
        ObjectNode root = RunJson.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "loopscout");
        driver.put("version", toolVersion == null || toolVersion.isBlank() ? "unknown" : toolVersion);
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        for (Pattern p : Pattern.values()) {
            RuleHelp help = RuleHelp.of(p);
            ObjectNode rule = rules.addObject();
            rule.put("id", p.id());
            rule.put("name", ruleName(p));
            rule.putObject("shortDescription").put("text", p.description());
            rule.putObject("fullDescription").put("text", help.fullDescription());
            ObjectNode h = rule.putObject("help");
            h.put("text", help.text());
            h.put("markdown", help.markdown());
            rule.put("helpUri", INFORMATION_URI);
            rule.putObject("defaultConfiguration").put("level", p == Pattern.RUST_LOOP_MATCH ? "none" : "note");
            rule.putObject("properties").putArray("tags").add(p.language().id()).add("state-machine");
        }
        // the category (up to the last slash) is stable across runs, so code scanning compares like with like
        run.putObject("automationDetails").put("id", "loopscout/" + (info.measureMode().isEmpty() ? "static"
                : info.measureMode()) + "/" + STAMP.format(info.start()));
        List<ProjectResult> ordered = ProjectsCsv.sorted(results);
        ObjectNode bases = RunJson.MAPPER.createObjectNode();
        ArrayNode out = run.putArray("results");
        for (ProjectResult r : ordered) {
            if (!r.findings().isEmpty()) {
                String rootUri = Permalinks.root(r.spec(), r.version());
                ObjectNode base = bases.putObject(r.id());
                if (rootUri.isEmpty()) {
                    base.putObject("description").put("text", "the root of " + r.id() + " at " + r.version());
                } else {
                    base.put("uri", rootUri);
                }
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
    public static Path write(Path outDir, List<ProjectResult> results, RunInfo info) {
        return OutputFile.write(outDir, FILE, render(results, info));
    }

    /**
     * A result's level: {@code warning} for a loop the rewriter can turn into the {@code #[loop_match]} form
     * (unless the project's own benchmark says the change regressed), {@code none} for a loop that already has
     * it, {@code note} for the rest (not eligible, C, interpreters).
     */
    static String level(ProjectResult r, Finding f) {
        if (f.pattern() == Pattern.RUST_LOOP_MATCH) {
            return "none";
        }
        boolean regressed = r.measurement().verdict() == io.loopscout.runner.Verdict.REGRESSED;
        return Boolean.TRUE.equals(f.eligible()) && !regressed ? "warning" : "note";
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
        res.put("level", level(r, f));
        res.putObject("message").put("text", message(f));
        ObjectNode loc = res.putArray("locations").addObject();
        ObjectNode phys = loc.putObject("physicalLocation");
        ObjectNode artifact = phys.putObject("artifactLocation");
        String subdir = r.spec().subdir() == null ? "" : r.spec().subdir();
        artifact.put("uri", Permalinks.path(subdir + "/" + (f.file() == null ? "" : f.file())));
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
            props.put("modelSpeedup", new java.math.BigDecimal(CsvTable.number(f.modelSpeedup(), 4)));
        }
        return res;
    }

    private static String message(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.pattern() == null ? "Loop" : f.pattern().description().replaceAll("\\.$", ""));
        if (f.function() != null && !f.function().isEmpty()) {
            sb.append(" in ").append(plain(f.function()));
        }
        sb.append(": ").append(f.states()).append(" states, ").append(f.constTransitions())
                .append(" constant and ").append(f.dynamicTransitions()).append(" dynamic transitions");
        if (Boolean.TRUE.equals(f.eligible())) {
            sb.append("; eligible for #[loop_match]");
        } else if (f.reason() != null && !f.reason().isEmpty()) {
            sb.append("; not eligible (").append(plain(f.reason())).append(')');
        }
        if (f.driverFunction() != null) {
            sb.append("; driven by the loop in ").append(plain(f.driverFunction())).append(" at line ")
                    .append(f.driverLine());
        }
        if (f.modelSpeedup() != null && Double.isFinite(f.modelSpeedup())) {
            sb.append("; model speed-up ").append(CsvTable.number(f.modelSpeedup(), 3)).append('×');
        }
        return sb.append('.').toString();
    }

    /**
     * Corpus text for a plain-text SARIF message: SARIF 2.1.0 (3.11.6) reads {@code [text](n)} there as an
     * embedded link, so literal brackets, and the backslash that escapes them, are escaped with a backslash.
     */
    static String plain(String s) {
        return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    /**
     * A fingerprint that survives line shifts: project, file, function, pattern, state variable and the loop's
     * text with whitespace collapsed.
     */
    static String fingerprint(ProjectResult r, Finding f) {
        String key = String.join("\u0000", r.id(), nz(f.file()), nz(f.function()),
                f.pattern() == null ? "" : f.pattern().id(), nz(f.stateVariable()),
                nz(f.snippet()).replaceAll("\\s+", " ").strip());
        return Sha256.hex(key, 16);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
