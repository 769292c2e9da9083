package org.procsec.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.TestEngines;
import org.procsec.api.PolicyEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite assesses its scenarios as a batch (issue 15.2): every result is the one a scenario gets alone. */
class ScenarioSuiteTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    @Test
    void aBatchOfScenarios_givesEachTheResultAndFiredRulesItGetsAlone() throws Exception {
        PolicyEngine engine = TestEngines.bundled();
        List<Scenario.Loaded> files = Scenario.loadEach(SCENARIOS);
        assertThat(files).hasSizeGreaterThan(40);
        SuiteReport report = ScenarioSuite.runFiles(engine, files, null);
        assertThat(report.results()).hasSize(files.size());
        for (int i = 0; i < files.size(); i++) {
            ScenarioResult batch = report.results().get(i);
            ScenarioResult alone = ScenarioCheck.run(engine, files.get(i).scenario());
            assertThat(batch.withNanos(0)).as(files.get(i).file()).isEqualTo(alone.withNanos(0));
            assertThat(batch.nanos()).isPositive();
        }
        assertThat(report.failed()).isZero();
        assertThat(report.unfiredRules()).hasSizeLessThan(report.rules().size() / 2);
    }

    @Test
    void inputErrors_brokenFiles_andFailures_keepTheirPlaceAmongAssessedScenarios(@TempDir Path tmp) throws Exception {
        Path shared = SCENARIOS.resolve("shared");
        Files.copy(shared.resolve("esdc-office-chairs.json"), tmp.resolve("a-chairs.json"));
        Files.writeString(tmp.resolve("b-broken.json"), "{\"request\": {}, \"expect\": []}");
        Files.writeString(tmp.resolve("c-bad-request.json"), Files.readString(shared.resolve("esdc-office-chairs.json"))
                .replaceFirst("\"awardDate\"\\s*:\\s*\"[^\"]*\"", "\"awardDate\": \"31/02/2026\""));
        Files.writeString(tmp.resolve("d-wrong.json"), Files.readString(shared.resolve("gac-cleared-supplier-2026.json"))
                .replace("\"decision\": \"APPROVE_WITH_CONDITIONS\"", "\"decision\": \"REJECT\""));
        Files.copy(shared.resolve("cbsa-contract-a-today.json"), tmp.resolve("e-last.json"));
        PolicyEngine engine = TestEngines.bundled();
        SuiteReport report = ScenarioSuite.runFiles(engine, Scenario.loadEach(tmp), null);
        assertThat(report.results()).extracting(ScenarioResult::file)
                .containsExactly("a-chairs.json", "b-broken.json", "c-bad-request.json", "d-wrong.json", "e-last.json");
        assertThat(report.results()).extracting(ScenarioResult::passed).containsExactly(true, false, false, false, true);
        assertThat(report.results().get(2).inputError()).contains("awardDate");
        assertThat(report.results().get(3).differences()).anyMatch(d -> d.startsWith("decision:"));
        assertThat(report.results().get(4).firedRules()).isNotEmpty();
    }
}
