package org.procsec.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.procsec.TestEngines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProcsecScenariosTest {
    private static final Path SHARED = Path.of("src/test/resources/scenarios/shared");

    private static Path folder(Path tmp) throws Exception {
        Files.copy(SHARED.resolve("esdc-office-chairs.json"), tmp.resolve("a-chairs.json"));
        Path wrong = tmp.resolve("b-wrong.json");
        Files.writeString(wrong, Files.readString(SHARED.resolve("gac-cleared-supplier-2026.json"))
                .replace("\"decision\": \"APPROVE_WITH_CONDITIONS\"", "\"decision\": \"REJECT\"")
                .replace("\"CND-6.4-media-stays-on-site\"", "\"PRH-5.1-prohibited-vendor\""));
        Files.writeString(tmp.resolve("c-broken.json"), "{\"request\": {}, \"expect\": []}");
        Files.copy(SHARED.resolve("cbsa-contract-a-today.json"), tmp.resolve("d-last.json"));
        return tmp;
    }

    @Test
    void dynamicTests_namedAfterScenarioAndFile_linkedToTheFile_andKeepGoingPastABrokenFile(@TempDir Path tmp)
            throws Exception {
        List<DynamicTest> tests = ProcsecScenarios.in(folder(tmp)).withEngine(TestEngines.bundled())
                .dynamicTests().toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly(
                "Office chairs: nothing to see [a-chairs.json]",
                "Mission scanners from a cleared domestic supplier with a favourable review [b-wrong.json]",
                "c-broken.json [c-broken.json]",
                "Pallet imaging at an air cargo centre, portfolio review today [d-last.json]");
        assertThat(tests.get(1).getTestSourceUri()).hasValue(tmp.resolve("b-wrong.json").toAbsolutePath().toUri());
        List<String> outcomes = new ArrayList<>();
        for (DynamicTest t : tests) {
            try {
                t.getExecutable().execute();
                outcomes.add("pass");
            } catch (AssertionFailedError e) {
                outcomes.add("fail");
            } catch (Throwable e) {
                outcomes.add("other " + e);
            }
        }
        assertThat(outcomes).containsExactly("pass", "fail", "fail", "pass");
    }

    @Test
    void failure_carriesExpectedAndActual_forAnIdeDiff(@TempDir Path tmp) throws Exception {
        List<DynamicTest> tests = ProcsecScenarios.in(folder(tmp)).withEngine(TestEngines.bundled())
                .dynamicTests().toList();
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
                () -> tests.get(1).getExecutable().execute());
        assertThat(e.isExpectedDefined()).isTrue();
        assertThat(e.isActualDefined()).isTrue();
        String expected = (String) e.getExpected().getValue();
        String actual = (String) e.getActual().getValue();
        assertThat(expected).contains("\"decision\" : \"REJECT\"").contains("\"PRH-5.1-prohibited-vendor\"");
        assertThat(actual).contains("\"decision\" : \"APPROVE_WITH_CONDITIONS\"")
                .doesNotContain("PRH-5.1-prohibited-vendor").contains("\"CND-6.3-data-retention-limit\"");
        assertThat(e.getMessage()).contains("decision: expected \"REJECT\", got \"APPROVE_WITH_CONDITIONS\"")
                .contains("expectFindings: expected a finding of PRH-5.1-prohibited-vendor");
        AssertionFailedError broken = catchThrowableOfType(AssertionFailedError.class,
                () -> tests.get(2).getExecutable().execute());
        assertThat(broken.getMessage()).isEqualTo("c-broken.json: expect: expected an object");
    }

    @Test
    void requireCoverage_addsALastTest_thatFailsBelowTheMinimum(@TempDir Path tmp) throws Exception {
        Files.copy(SHARED.resolve("esdc-office-chairs.json"), tmp.resolve("chairs.json"));
        List<DynamicTest> tests = ProcsecScenarios.in(tmp).withEngine(TestEngines.bundled()).requireCoverage(50)
                .dynamicTests().toList();
        assertThat(tests).hasSize(2);
        assertThat(tests.get(1).getDisplayName()).startsWith("rule coverage >= 50%");
        for (DynamicTest t : tests.subList(0, 1)) {
            try {
                t.getExecutable().execute();
            } catch (Throwable ignored) {
                // only the coverage matters here
            }
        }
        AssertionFailedError e = catchThrowableOfType(AssertionFailedError.class,
                () -> tests.get(1).getExecutable().execute());
        assertThat(e.getMessage()).contains("is below 50%").contains("CLR-3.7-unclearable-country");
        assertThat(e.getExpected().getValue()).isEqualTo("50%");
        // The project's scenarios together fire every rule.
        List<DynamicTest> all = ProcsecScenarios.in(Path.of("src/test/resources/scenarios"))
                .withEngine(TestEngines.bundled()).requireCoverage(100).dynamicTests().toList();
        for (DynamicTest t : all) {
            try {
                t.getExecutable().execute();
            } catch (Throwable x) {
                throw new AssertionError(t.getDisplayName(), x);
            }
        }
        assertThatThrownBy(() -> ProcsecScenarios.in(tmp).requireCoverage(150))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 100");
    }

    @Test
    void emptyFolder_isOneFailedTest(@TempDir Path tmp) {
        List<DynamicTest> tests = ProcsecScenarios.in(tmp).withEngine(TestEngines.bundled()).dynamicTests().toList();
        assertThat(tests).hasSize(1);
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("no scenario files");
    }
}
