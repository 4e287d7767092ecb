package io.loopscout.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SARIF multitool's GitHub ingestion rules (microsoft/sarif-sdk, Sarif.Multitool.Library/Rules GH*), written
 * out as checks on the JSON, plus the SARIF rules about base ids and help that code scanning warns about. Each
 * violation is "RULE pointer: what".
 */
final class GithubSarifRules {

    /** GitHub's default display limits (GH1004). */
    static final int MAX_RUNS = 5;
    static final int MAX_RULES = 1000;
    static final int MAX_LOCATIONS = 10;

    private GithubSarifRules() {
    }

    static List<String> check(JsonNode log) {
        List<String> v = new ArrayList<>();
        JsonNode runs = log.path("runs");
        if (runs.size() > MAX_RUNS) {
            v.add("GH1004 /runs: more than " + MAX_RUNS + " runs");
        }
        for (int ri = 0; ri < runs.size(); ri++) {
            JsonNode run = runs.get(ri);
            String rp = "/runs/" + ri;
            JsonNode driver = run.path("tool").path("driver");
            if (!driver.path("informationUri").asText().startsWith("https://")) {
                v.add("SARIF2005 " + rp + "/tool/driver: no https informationUri");
            }
            if (run.path("automationDetails").path("id").asText().isEmpty()) {
                v.add("GH-category " + rp + ": no automationDetails.id (runs of one tool cannot be told apart)");
            }
            JsonNode rules = driver.path("rules");
            if (rules.size() > MAX_RULES) {
                v.add("GH1004 " + rp + "/tool/driver/rules: more than " + MAX_RULES);
            }
            for (int i = 0; i < rules.size(); i++) {
                JsonNode rule = rules.get(i);
                String p = rp + "/tool/driver/rules/" + i;
                String shortText = rule.path("shortDescription").path("text").asText();
                String fullText = rule.path("fullDescription").path("text").asText();
                if (shortText.isBlank()) {
                    v.add("GH2012 " + p + ": no shortDescription.text");
                }
                if (fullText.isBlank()) {
                    v.add("GH2012 " + p + ": no fullDescription.text");
                }
                if (!rule.has("help")) {
                    v.add("GH2012 " + p + ": no help");
                } else if (rule.path("help").path("text").asText().isBlank()) {
                    v.add("GH2012 " + p + "/help: no text");
                }
                if (rule.path("help").path("markdown").asText().isBlank()) {
                    v.add("SARIF2001 " + p + "/help: no markdown");
                }
                if (fullText.equals(shortText)) {
                    v.add("SARIF2001 " + p + ": fullDescription repeats shortDescription");
                }
                if (!rule.path("helpUri").asText().startsWith("https://")) {
                    v.add("SARIF2012 " + p + ": no https helpUri");
                }
            }
            JsonNode bases = run.path("originalUriBaseIds");
            bases.fields().forEachRemaining(e -> {
                String uri = e.getValue().path("uri").asText();
                if (!uri.isEmpty() && (!uri.endsWith("/") || !absolute(uri))) {
                    v.add("SARIF1004 " + rp + "/originalUriBaseIds/" + e.getKey() + ": not an absolute URI ending in /");
                }
            });
            JsonNode results = run.path("results");
            for (int i = 0; i < results.size(); i++) {
                JsonNode res = results.get(i);
                String p = rp + "/results/" + i;
                if (res.path("message").path("text").asText().isBlank()) {
                    v.add("GH1007 " + p + ": message has no text");
                }
                JsonNode locs = res.path("locations");
                if (locs.isEmpty()) {
                    v.add("GH1001 " + p + ": no locations");
                }
                if (locs.size() > MAX_LOCATIONS) {
                    v.add("GH1004 " + p + "/locations: more than " + MAX_LOCATIONS);
                }
                for (int li = 0; li < locs.size(); li++) {
                    JsonNode art = locs.get(li).path("physicalLocation").path("artifactLocation");
                    String lp = p + "/locations/" + li + "/physicalLocation";
                    String uri = art.path("uri").asText();
                    if (uri.isEmpty()) {
                        v.add("GH1001 " + lp + ": no artifactLocation.uri");
                        continue;
                    }
                    if (absolute(uri) && !uri.startsWith("file:")) {
                        v.add("GH1005 " + lp + ": '" + uri + "' is not a file path");
                    }
                    if (uri.startsWith("file:")) {
                        v.add("GH1006 " + lp + ": absolute file URI without a checkout path");
                    }
                    if (uri.startsWith("/") || uri.startsWith("../")) {
                        v.add("GH1005 " + lp + ": '" + uri + "' is not relative to the repository root");
                    }
                    String baseId = art.path("uriBaseId").asText();
                    if (!baseId.isEmpty() && !bases.has(baseId)) {
                        v.add("SARIF1004 " + lp + ": uriBaseId '" + baseId + "' is not in originalUriBaseIds");
                    }
                    if (locs.get(li).path("physicalLocation").path("region").path("startLine").asInt() < 1) {
                        v.add("GH1003 " + lp + "/region: no startLine");
                    }
                }
                JsonNode props = res.path("properties");
                props.fields().forEachRemaining(e -> {
                    if (e.getValue().isFloatingPointNumber()
                            && e.getValue().decimalValue().stripTrailingZeros().scale() > 4) {
                        v.add("loopscout " + p + "/properties/" + e.getKey() + ": " + e.getValue()
                                + " has more than 4 decimals");
                    }
                });
            }
        }
        return v;
    }

    private static boolean absolute(String uri) {
        try {
            return new URI(uri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
