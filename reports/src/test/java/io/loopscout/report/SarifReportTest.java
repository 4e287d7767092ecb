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
        List<ProjectResult> all = ResultFixtures.all();
        List<ProjectResult> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(all.get(i).withScore(10 - i, i + 1));
        }
        return out;
    }

    @Test
    void validatesAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = JSON.readTree(SarifReport.render(ranked(), "0.1.0"));
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertTrue(errors.isEmpty(), "schema errors: " + errors);
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        ObjectNode sarif = (ObjectNode) JSON.readTree(SarifReport.render(ranked(), "0.1.0"));
        ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        sarif.put("version", "2.0.0");
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void rulesArePatternIdsAndEveryFindingIsOneResult() throws Exception {
        JsonNode run = JSON.readTree(SarifReport.render(ranked(), "0.1.0")).at("/runs/0");
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
        assertFalse(run.get("originalUriBaseIds").has(ResultFixtures.HOSTILE_ID), "a local path has no base");

        JsonNode odd = results.get(results.size() - 1);
        assertEquals("src/a%2Cb%22c%20d.rs", odd.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void aStepMachineCarriesItsDriverAndOtherFindingsDoNot() throws Exception {
        ProjectResult r = ResultFixtures.zlibRs();
        Finding step = r.findings().get(0).toBuilder().pattern(Pattern.RUST_STEP_MACHINE).function("next_state")
                .eligible(false).reason("step-function").driverFunction("update").driverLine(650).build();
        ProjectResult withStep = new ProjectResult(r.spec(), r.version(), List.of(step), r.measurement(),
                r.patch(), 1, 1, r.cComparison());
        JsonNode sarif = JSON.readTree(SarifReport.render(List.of(withStep), "0.1.0"));
        assertTrue(schema.validate(sarif).isEmpty());
        JsonNode props = sarif.at("/runs/0/results/0/properties");
        assertEquals("rust/step-machine", sarif.at("/runs/0/results/0/ruleId").asText());
        assertEquals("update", props.get("driverFunction").asText());
        assertEquals(650, props.get("driverLine").asInt());
        JsonNode plain = JSON.readTree(SarifReport.render(List.of(r.withScore(1, 1)), "0.1.0"));
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
        assertEquals(SarifReport.render(ranked(), "0.1.0"), SarifReport.render(shuffled, "0.1.0"));
    }
}
