package org.procsec.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.procsec.TestEngines;
import org.procsec.io.RequestJson;
import org.procsec.model.Decision;
import org.procsec.model.PurchaseRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision table of examples/README.md. */
class ExamplesWalkthroughTest {
    @ParameterizedTest(name = "{0}: {1} at award, {2} today")
    @CsvSource({
        "gac-nuctech-standing-offer, REFER, REJECT",
        "cbsa-contract-a, REFER, REJECT",
        "cbsa-contract-b, REFER, REJECT",
        "cbsa-contract-c, REFER, REJECT",
        "cbsa-contract-d, REFER, REJECT",
        "cbsa-hytera-radios, REJECT, REJECT",
        "pspc-hikvision-cameras, REFER, REJECT",
        "gac-cleared-supplier, APPROVE_WITH_CONDITIONS, APPROVE_WITH_CONDITIONS",
        "esdc-office-chairs, APPROVE, APPROVE",
    })
    void example(String name, Decision atAward, Decision today) throws Exception {
        PurchaseRequest r = RequestJson.parse(Files.readString(Path.of("examples", name + ".json")));
        assertThat(TestEngines.bundled().assess(r).decision()).isEqualTo(atAward);
        assertThat(TestEngines.bundled().assess(r, LocalDate.of(2026, 11, 22)).decision()).isEqualTo(today);
        for (var a : java.util.List.of(TestEngines.bundled().assess(r),
                TestEngines.bundled().assess(r, LocalDate.of(2026, 11, 22)))) {
            assertThat(a.findings(org.procsec.model.Outcome.REFER)).as("every REFER finding says what resolves it")
                    .allSatisfy(f -> assertThat(f.remedy()).isNotBlank());
        }
    }
}
