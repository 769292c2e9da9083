package org.procsec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.TestRules;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestCommandTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    private static Path copyScenario(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Files.copy(SCENARIOS.resolve("shared").resolve(name), target);
        return target;
    }

    @Test
    void projectScenarios_allPass_withFullRuleCoverage() {
        CliRun run = CliRun.of("test", "--coverage-min", "100", SCENARIOS.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d+ passed, 0 failed$").contains("rule coverage: 100.0%");
    }

    @Test
    void failure_showsExpectedAgainstActual_andFindings_exit1(@TempDir Path tmp) throws Exception {
        Path file = copyScenario(tmp, "esdc-office-chairs.json");
        Files.writeString(file, Files.readString(file).replace("\"decision\": \"APPROVE\"", "\"decision\": \"REJECT\""));
        copyScenario(tmp, "gac-cleared-supplier-2026.json");
        CliRun run = CliRun.of("test", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL esdc-office-chairs.json: Office chairs: nothing to see")
                .contains("decision: expected \"REJECT\", got \"APPROVE\"")
                .contains("findings:")
                .containsPattern("(?m)^1 passed, 1 failed$")
                .contains("rules no scenario fired:")
                .contains("CLR-3.7-unclearable-country (clause 3.7) 3-clearance.drl:");
        assertThat(run.out()).doesNotContain("PASS gac");
        assertThat(CliRun.of("test", "-v", tmp.toString()).out()).contains("PASS gac-cleared-supplier-2026.json");
    }

    @Test
    void coverageMin_failsBelowThreshold() throws Exception {
        CliRun run = CliRun.of("test", "--coverage-min", "90", SCENARIOS.resolve("shared").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^12 passed, 0 failed$").contains("is below --coverage-min 90");
    }

    @Test
    void runPattern_andJsonFormat() throws Exception {
        CliRun run = CliRun.of("test", "--run", "hikvision", "--format", "json", SCENARIOS.toString());
        assertThat(run.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.at("/summary/passed").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/failed").asInt()).isZero();
        assertThat(report.get("results").get(0).get("firedRules").toString()).contains("SEC-2.4-facility-surveillance");
        assertThat(report.at("/coverage/unfiredRules").size()).isPositive();
    }

    @Test
    void expectError_scenario_passesOnTheNamedPath() {
        CliRun run = CliRun.of("test", "--run", "bad-unknown-category", SCENARIOS.toString());
        assertThat(run.out()).containsPattern("(?m)^1 passed, 0 failed$");
    }

    @Test
    void malformedScenario_isBadInput_namingTheFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("broken.json"), "{\"name\": \"x\"}");
        CliRun run = CliRun.of("test", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.json").contains("request: missing");
    }

    @Test
    void editedRules_canBreakAScenario(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        TestRules.edit(rules.resolve("reference/prohibited-vendors.json"), "\"2025-06-27\"", "\"2027-01-01\"");
        CliRun run = CliRun.of("test", "--rules", rules.toString(), "--run", "hikvision-cameras-today",
                SCENARIOS.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("prohibited: expected true, got false");
    }
}
