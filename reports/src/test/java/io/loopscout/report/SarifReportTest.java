package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.loopscout.extract.Finding;
import io.loopscout.extract.Pattern;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** findings.sarif against the official SARIF 2.1.0 schema (src/test/resources/sarif, see its NOTICE.md). */
class SarifReportTest {

    private static JsonSchema schema;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    private static List<ProjectResult> ranked() {
        return ResultFixtures.ranked();
    }

    @Test
    void validatesAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = JSON.readTree(SarifReport.render(ranked(), ResultFixtures.runInfo()));
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertTrue(errors.isEmpty(), "schema errors: " + errors);
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        ObjectNode sarif = (ObjectNode) JSON.readTree(SarifReport.render(ranked(), ResultFixtures.runInfo()));
        ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        sarif.put("version", "2.0.0");
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void rulesArePatternIdsAndEveryFindingIsOneResult() throws Exception {
        JsonNode run = JSON.readTree(SarifReport.render(ranked(), ResultFixtures.runInfo())).at("/runs/0");
        List<String> ruleIds = new ArrayList<>();
        run.at("/tool/driver/rules").forEach(r -> ruleIds.add(r.get("id").asText()));
        assertEquals(Arrays.stream(Pattern.values()).map(Pattern::id).toList(), ruleIds);
        assertEquals("A loop already annotated #[loop_match].",
                run.at("/tool/driver/rules/0/shortDescription/text").asText());

        JsonNode results = run.get("results");
        assertEquals(ranked().stream().mapToInt(r -> r.findings().size()).sum(), results.size());
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode res : results) {
            String ruleId = res.get("ruleId").asText();
            assertEquals(ruleId, ruleIds.get(res.get("ruleIndex").asInt()));
            assertTrue(res.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1);
            fingerprints.add(res.at("/partialFingerprints/" + SarifReport.FINGERPRINT_KEY.replace("/", "~1"))
                    .asText());
        }
        assertEquals(results.size(), fingerprints.size(), "fingerprints are distinct");

        JsonNode first = results.get(0);
        assertEquals("rust/field-state-loop", first.get("ruleId").asText());
        assertEquals("src/inflate.rs", first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("zlib-rs", first.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(120, first.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(134, first.at("/locations/0/physicalLocation/region/endLine").asInt());
        assertEquals("Inflate::run", first.at("/locations/0/logicalLocations/0/name").asText());
        assertEquals("rewritten", first.at("/properties/rewrite").asText());
        assertTrue(results.get(1).at("/properties/rewrite").asText().startsWith("reverted: loop_match: error[E0507]"));
        assertTrue(results.get(2).at("/properties/rewrite").isMissingNode(), "no rewrite ran, no outcome");
        assertEquals("https://docs.rs/crate/zlib-rs/0.5.2/source/",
                run.at("/originalUriBaseIds/zlib-rs/uri").asText());
        assertFalse(run.at("/originalUriBaseIds").get(ResultFixtures.HOSTILE_ID).has("uri"),
                "a relative local path has no root address");

        JsonNode odd = results.get(results.size() - 1);
        assertEquals("src/a%2Cb%22c%20d.rs", odd.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void passesGithubsIngestionRules() throws Exception {
        JsonNode sarif = JSON.readTree(SarifReport.render(ranked(), ResultFixtures.runInfo()));
        assertEquals(List.of(), GithubSarifRules.check(sarif));
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        for (JsonNode rule : driver.get("rules")) {
            assertTrue(rule.at("/help/markdown").asText().contains("`"), "help keeps its markdown: " + rule);
            assertFalse(rule.at("/help/text").asText().contains("`"), "help text is plain: " + rule);
        }
        assertEquals("loopscout/project/20261123T190000Z", sarif.at("/runs/0/automationDetails/id").asText());
    }

    @Test
    void theGithubRuleCheckCanFail() throws Exception {
        ObjectNode sarif = (ObjectNode) JSON.readTree(SarifReport.render(ranked(), ResultFixtures.runInfo()));
        ObjectNode rule = (ObjectNode) sarif.at("/runs/0/tool/driver/rules/2");
        rule.remove("help");
        rule.set("fullDescription", rule.get("shortDescription"));
        ObjectNode art = (ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        art.put("uri", "https://example.com/x.rs");
        art.put("uriBaseId", "nowhere");
        ((ObjectNode) sarif.at("/runs/0/results/1/properties")).put("modelSpeedup", 1.2345678);
        ((ObjectNode) sarif.at("/runs/0")).remove("automationDetails");
        List<String> rules = GithubSarifRules.check(sarif).stream().map(s -> s.substring(0, s.indexOf(' '))).toList();
        assertEquals(List.of("GH-category", "GH2012", "SARIF2001", "SARIF2001", "GH1005", "SARIF1004", "loopscout"),
                rules);
    }

    @Test
    void levelsFollowEligibilityAndEvidence() throws Exception {
        JsonNode results = JSON.readTree(SarifReport.render(ranked(), ResultFixtures.runInfo())).at("/runs/0/results");
        List<String> levels = new ArrayList<>();
        for (JsonNode r : results) {
            levels.add(r.get("ruleId").asText() + "=" + r.get("level").asText());
        }
        assertTrue(levels.get(0).equals("rust/field-state-loop=warning"), "eligible: " + levels);
        assertTrue(levels.get(1).equals("rust/state-loop=note"), "not eligible: " + levels);
        assertTrue(levels.stream().filter(l -> l.startsWith("c/")).allMatch(l -> l.endsWith("=note")), levels.toString());
        Finding adopted = Finding.builder().file("a.rs").startLine(1).endLine(2).pattern(Pattern.RUST_LOOP_MATCH)
                .eligible(true).build();
        assertEquals("none", SarifReport.level(ResultFixtures.zlibRs(), adopted));
        ProjectResult r = ResultFixtures.zlibRs();
        ProjectResult longDigits = ProjectResult.of(r.spec(), r.version(),
                List.of(r.findings().get(1).withModelSpeedup(1.2345678901234567)), r.measurement(), "");
        assertEquals("1.2346", JSON.readTree(SarifReport.render(List.of(longDigits), ResultFixtures.runInfo()))
                .at("/runs/0/results/0/properties/modelSpeedup").asText(), "speed-ups rounded to 4 places");
    }

    @Test
    void pathsAreRelativeToTheRepositoryRoot() throws Exception {
        ProjectResult r = ResultFixtures.zlibRs();
        ProjectResult inSubdir = ProjectResult.of(new io.loopscout.manifest.ProjectSpec("core",
                io.loopscout.core.Language.RUST, new io.loopscout.manifest.SourceSpec.Path("/work/mono"),
                io.loopscout.manifest.Popularity.none(), "crates/core", null, null, 1), "abc", r.findings(), null, "");
        JsonNode run = JSON.readTree(SarifReport.render(List.of(inSubdir), ResultFixtures.runInfo())).at("/runs/0");
        assertEquals("crates/core/src/inflate.rs",
                run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("file:///work/mono/", run.at("/originalUriBaseIds/core/uri").asText());
        assertEquals(List.of(), GithubSarifRules.check(JSON.readTree(SarifReport.render(List.of(inSubdir),
                ResultFixtures.runInfo()))));
    }

    @Test
    void aStepMachineCarriesItsDriverAndOtherFindingsDoNot() throws Exception {
        ProjectResult r = ResultFixtures.zlibRs();
        Finding step = r.findings().get(0).toBuilder().pattern(Pattern.RUST_STEP_MACHINE).function("next_state")
                .eligible(false).reason("step-function").driverFunction("update").driverLine(650).build();
        ProjectResult withStep = new ProjectResult(r.spec(), r.version(), List.of(step), r.measurement(),
                r.patch(), 1, 1, r.cComparison(), null);
        JsonNode sarif = JSON.readTree(SarifReport.render(List.of(withStep), ResultFixtures.runInfo()));
        assertTrue(schema.validate(sarif).isEmpty());
        JsonNode props = sarif.at("/runs/0/results/0/properties");
        assertEquals("rust/step-machine", sarif.at("/runs/0/results/0/ruleId").asText());
        assertEquals("update", props.get("driverFunction").asText());
        assertEquals(650, props.get("driverLine").asInt());
        JsonNode plain = JSON.readTree(SarifReport.render(List.of(r.withScore(1, 1)), ResultFixtures.runInfo()));
        assertFalse(plain.at("/runs/0/results/0/properties").has("driverFunction"));
    }

    @Test
    void fingerprintsSurviveLineShiftsButNotAnotherLoop() {
        ProjectResult r = ResultFixtures.zlibRs();
        Finding f = r.findings().get(1);
        Finding moved = f.toBuilder().startLine(f.startLine() + 40).endLine(f.endLine() + 40).build();
        Finding other = f.toBuilder().function("Inflate::other").build();
        assertEquals(SarifReport.fingerprint(r, f), SarifReport.fingerprint(r, moved));
        assertNotEquals(SarifReport.fingerprint(r, f), SarifReport.fingerprint(r, other));
    }

    @Test
    void sameInputsGiveTheSameBytes() {
        List<ProjectResult> shuffled = new ArrayList<>(ranked());
        Collections.reverse(shuffled);
        assertEquals(SarifReport.render(ranked(), ResultFixtures.runInfo()), SarifReport.render(shuffled, ResultFixtures.runInfo()));
    }
}
