package org.procsec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.procsec.api.PolicyEngine;
import org.procsec.testkit.Scenario;
import org.procsec.testkit.ScenarioCheck;
import org.procsec.testkit.ScenarioResult;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SharedScenariosTest {
    @TestFactory
    Stream<DynamicTest> sharedCases() throws Exception {
        PolicyEngine engine = TestEngines.bundled();
        return Scenario.loadAll(Path.of("src/test/resources/scenarios")).stream()
                .map(s -> DynamicTest.dynamicTest(s.file() + ": " + s.name(), () -> {
                    ScenarioResult r = ScenarioCheck.run(engine, s);
                    assertThat(r.differences()).as("findings: %s",
                            r.assessment() == null ? r.inputError() : r.assessment().findings()).isEmpty();
                }));
    }
}
