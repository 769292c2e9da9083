package org.procsec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.TestRules;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AssessCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneFile_printsOneAssessment() throws Exception {
        CliRun run = CliRun.of("assess", "examples/gac-nuctech-standing-offer.json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode a = JSON.readTree(run.out());
        assertThat(a.get("requestId").asText()).isEqualTo("GAC-SO-2020-017");
        assertThat(a.get("decision").asText()).isEqualTo("REFER");
        assertThat(a.at("/policy/asOf").asText()).isEqualTo("2020-07-10");
        assertThat(a.at("/policy/fingerprint").asText()).startsWith("sha256:");
    }

    @Test
    void asOf_appliesTodaysPolicy() throws Exception {
        CliRun run = CliRun.of("assess", "--as-of", "2026-11-22", "examples/gac-nuctech-standing-offer.json");
        JsonNode a = JSON.readTree(run.out());
        assertThat(a.get("decision").asText()).isEqualTo("REJECT");
        assertThat(a.get("requiredClearance").asText()).isEqualTo("FACILITY_SECRET");
    }

    @Test
    void severalFiles_printAnArrayInInputOrder() throws Exception {
        CliRun run = CliRun.of("assess", "examples/esdc-office-chairs.json", "examples/cbsa-contract-a.json");
        JsonNode all = JSON.readTree(run.out());
        assertThat(all.isArray()).isTrue();
        assertThat(all.get(0).get("requestId").asText()).isEqualTo("ESDC-2026-FURN-7");
        assertThat(all.get(1).get("requestId").asText()).isEqualTo("CBSA-2017-A");
    }

    @Test
    void dash_readsStdin() throws Exception {
        CliRun run = CliRun.withStdin(Files.readString(Path.of("examples/esdc-office-chairs.json")), "assess", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).get("decision").asText()).isEqualTo("APPROVE");
    }

    @Test
    void badInput_exits2_namingFileAndPath_withNothingOnStdout(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("examples/gac-cleared-supplier.json"))
                .replace("XRAY_SCREENING", "XRAY"));
        CliRun run = CliRun.of("assess", "examples/esdc-office-chairs.json", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(bad + ": items[0].category: unknown value \"XRAY\" (expected one of")
                .doesNotContain("Exception");
    }

    @Test
    void missingFile_andBadDate_exit2() {
        assertThat(CliRun.of("assess", "no-such.json").err()).contains("no-such.json: no such file");
        CliRun date = CliRun.of("assess", "--as-of", "2026-02-30", "examples/esdc-office-chairs.json");
        assertThat(date.exitCode()).isEqualTo(2);
        assertThat(date.err()).contains("--as-of: expected a date YYYY-MM-DD");
        assertThat(CliRun.of("assess").exitCode()).isEqualTo(2);
    }

    @Test
    void brokenRules_exit3_withFileAndLine(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        TestRules.edit(rules.resolve("5-prohibitions.drl"), "Purchase(remoteAccess,", "Purchase(remoteAcess,");
        CliRun run = CliRun.of("assess", "--rules", rules.toString(), "examples/esdc-office-chairs.json");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).containsPattern("5-prohibitions\\.drl:\\d+:\\d+: .*remoteAcess");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void editedRulesDirectory_isUsed(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        TestRules.edit(rules.resolve("reference/security-departments.json"), "{ \"code\": \"CBSA\" }",
                "{ \"code\": \"CBSA\" }, { \"code\": \"ESDC\" }");
        Path radios = tmp.resolve("radios.json");
        Files.writeString(radios, Files.readString(Path.of("examples/esdc-office-chairs.json"))
                .replace("\"OTHER\"", "\"RADIO\""));
        JsonNode bundled = JSON.readTree(CliRun.of("assess", radios.toString()).out());
        JsonNode edited = JSON.readTree(CliRun.of("assess", "--rules", rules.toString(), radios.toString()).out());
        assertThat(bundled.get("sensitiveSectors")).isEmpty();
        assertThat(edited.get("sensitiveSectors").get(0).asText()).isEqualTo("PUBLIC_SAFETY_COMMUNICATIONS");
        assertThat(edited.at("/policy/fingerprint")).isNotEqualTo(bundled.at("/policy/fingerprint"));
    }

    @Test
    void sameRequest_givesByteIdenticalOutput() {
        String first = CliRun.of("assess", "--as-of", "2026-11-22", "examples/cbsa-hytera-radios.json").out();
        String second = CliRun.of("assess", "--as-of", "2026-11-22", "examples/cbsa-hytera-radios.json").out();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void explain_namesTheFiringRulesInOrder_withMatchedFacts() throws Exception {
        CliRun run = CliRun.of("assess", "--explain", "examples/gac-nuctech-standing-offer.json");
        assertThat(run.exitCode()).isZero();
        JsonNode a = JSON.readTree(run.out());
        assertThat(a.get("decision").asText()).isEqualTo("REFER");
        java.util.List<String> ids = new java.util.ArrayList<>();
        a.get("explanation").forEach(n -> ids.add(n.get("ruleId").asText()));
        assertThat(ids).contains("CSE-4.2-state-controlled", "CSE-4.4-allied-restriction", "DEC-8.2-refer");
        assertThat(ids.get(ids.size() - 1)).startsWith("DEC-8");
        assertThat(a.get("explanation").toString()).contains("Nuctech");
        assertThat(ids.get(0)).as("4.5 is decided first: the review status").startsWith("CSE-4.5-");
        assertThat(run.err()).contains("CSE-4.4-allied-restriction  [clause 4.4]").contains("matched AlliedRestriction[");
    }

    @Test
    void withoutExplain_theJsonHasOnlyTheSpecFields() throws Exception {
        JsonNode a = JSON.readTree(CliRun.of("assess", "examples/gac-nuctech-standing-offer.json").out());
        assertThat(a.has("explanation")).isFalse();
    }
}
