package io.limitc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fields GitHub code scanning requires of an uploaded SARIF file (anchors.md §2.5),
 * checked on a run with findings in several files, and on a clean run.
 */
class SarifContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRequiredFieldIsPresentAndNonEmpty() throws Exception {
        CliRunner.Run run = CliRunner.run(Path.of("testdata/ecelerity/example-site-broken"),
                "lint", "--format", "sarif", "ecelerity.conf");
        JsonNode root = JSON.readTree(run.out());
        assertEquals("2.1.0", root.path("version").asText());
        assertText(root.path("$schema"));
        assertEquals(1, root.path("runs").size());
        JsonNode runNode = root.path("runs").get(0);
        JsonNode driver = runNode.path("tool").path("driver");
        assertEquals("limitc", driver.path("name").asText());

        Set<String> ruleIds = new HashSet<>();
        JsonNode rules = driver.path("rules");
        assertTrue(rules.size() > 0);
        for (JsonNode rule : rules) {
            assertText(rule.path("id"));
            assertTrue(ruleIds.add(rule.path("id").asText()), "rule ids are unique");
            assertText(rule.path("shortDescription").path("text"));
            assertText(rule.path("fullDescription").path("text"));
            assertText(rule.path("help").path("text"));
            assertTrue(rule.path("shortDescription").path("text").asText().length() <= 1024);
            assertTrue(rule.path("fullDescription").path("text").asText().length() <= 1024);
            assertTrue(Set.of("error", "warning", "note").contains(rule.path("defaultConfiguration").path("level").asText()));
        }

        JsonNode results = runNode.path("results");
        assertEquals(9, results.size(), "one result per diagnostic of the broken example");
        for (JsonNode result : results) {
            String ruleId = result.path("ruleId").asText();
            assertTrue(ruleIds.contains(ruleId), "result names a declared rule: " + ruleId);
            assertEquals(ruleId, rules.get(result.path("ruleIndex").asInt()).path("id").asText(), "ruleIndex points at it");
            assertTrue(Set.of("error", "warning", "note").contains(result.path("level").asText()));
            assertText(result.path("message").path("text"));
            assertTrue(result.path("locations").size() >= 1, "GitHub rejects a result without a location");
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText();
            assertText(physical.path("artifactLocation").path("uri"));
            assertFalse(uri.startsWith("/"), "repository-relative uri: " + uri);
            JsonNode region = physical.path("region");
            for (String field : new String[] {"startLine", "startColumn", "endLine", "endColumn"}) {
                assertTrue(region.path(field).isInt() && region.path(field).asInt() >= 1, field + " in " + region);
            }
            assertTrue(region.path("endLine").asInt() >= region.path("startLine").asInt());
        }
    }

    @Test
    void cleanRunHasRulesAndNoResults() throws Exception {
        CliRunner.Run run = CliRunner.run(Path.of("testdata/ecelerity/example-site"),
                "lint", "--format", "sarif", "ecelerity.conf");
        assertEquals(0, run.exitCode());
        JsonNode runNode = JSON.readTree(run.out()).path("runs").get(0);
        assertTrue(runNode.path("results").isArray());
        assertEquals(0, runNode.path("results").size());
        assertTrue(runNode.path("tool").path("driver").path("rules").size() > 0);
    }

    private static void assertText(JsonNode node) {
        assertTrue(node.isTextual() && !node.asText().isBlank(), "non-empty text required, got " + node);
    }
}
