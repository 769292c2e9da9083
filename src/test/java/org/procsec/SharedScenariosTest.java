package org.procsec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.procsec.testkit.ProcsecScenarios;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Every scenario under src/test/resources/scenarios (the shared cases and our own), through the JUnit kit,
 * and together they fire every rule.
 */
class SharedScenariosTest {
    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ProcsecScenarios.in(Path.of("src/test/resources/scenarios")).withEngine(TestEngines.bundled())
                .requireCoverage(100).dynamicTests();
    }
}
