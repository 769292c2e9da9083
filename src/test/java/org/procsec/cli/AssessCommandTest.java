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
        assertThat(run.err()).contains("CSE-4.4-allied-restriction [4.4]: ").contains("AlliedRestriction(");
        // Structured facts: a type and fields holding JSON values, not toString() text.
        JsonNode first = a.get("explanation").get(0).get("matched").get(0);
        assertThat(first.get("type").asText()).isEqualTo("Purchase");
        assertThat(first.at("/fields/id").asText()).isEqualTo("GAC-SO-2020-017");
        assertThat(first.at("/fields/onSiteMaintenance").isBoolean()).isTrue();
        assertThat(a.toString()).doesNotContain("Party[").doesNotContain("InitialFact");
        JsonNode party = null;
        for (JsonNode step : a.get("explanation")) {
            for (JsonNode m : step.get("matched")) {
                if (m.get("type").asText().equals("Party")) {
                    party = m;
                }
            }
        }
        assertThat(party).isNotNull();
        assertThat(party.at("/fields/stateOwnershipPercent").isNumber()).isTrue();
        assertThat(party.at("/fields/country").asText()).isEqualTo("CN");
        // One line per firing on stderr, as many as the explanation has steps.
        long lines = run.err().lines().filter(l -> l.matches("\\s*\\d+\\. [A-Z]{3}-.*")).count();
        assertThat(lines).isEqualTo(a.get("explanation").size());
    }

    @Test
    void explain_isTheSameOnEveryRun() {
        String first = CliRun.of("assess", "--explain", "examples/cbsa-hytera-radios.json").out();
        assertThat(CliRun.of("assess", "--explain", "examples/cbsa-hytera-radios.json").out()).isEqualTo(first);
    }

    @Test
    void textFormat_readsAsAReport_decisionFirst_findingsByOutcome_withClauseRemedyAndWhatWouldClear() {
        CliRun run = CliRun.of("assess", "--format", "text", "--as-of", "2026-11-22",
                "examples/gac-nuctech-standing-offer.json", "examples/esdc-office-chairs.json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).startsWith("GAC-SO-2020-017: REJECT\n");
        assertThat(out).contains("  sensitive sectors:  MISSION_SECURITY\n")
                .contains("  clearance:          required FACILITY_SECRET, held NONE (short)\n")
                .contains("rules fingerprint sha256:")
                .contains("  CLR-3.7-unclearable-country  (clause 3.7: Uncleared organisations: REJECT or REFER by country)\n"
                        + "      supplier Nuctech Company Limited (CN) cannot be cleared")
                .contains("      remedy: request a CSE supply-chain integrity review\n")
                .contains("what would clear it: none within reach\n")
                .contains("ESDC-2026-FURN-7: APPROVE\n").contains("(no findings)");
        assertThat(out.indexOf("\nREJECT (1)\n")).isLessThan(out.indexOf("\nREFER (4)\n"));
        assertThat(out.indexOf("\nREFER (4)\n")).isLessThan(out.indexOf("\nINFO (2)\n"));
        assertThat(out).doesNotContain("{");
    }

    @Test
    void textFormat_withExplain_oneLinePerFiring() {
        CliRun run = CliRun.of("assess", "--format", "text", "--explain", "examples/cbsa-hytera-radios.json");
        assertThat(run.out()).contains("rules fired (14):\n   1. CSE-4.5-review-outstanding [4.5]: Purchase(id=CBSA-2017-RADIO")
                .contains("  14. DEC-8.1-reject [8.1]\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void textFormat_escapesRequestText(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("r.json");
        Files.writeString(file, Files.readString(Path.of("examples/esdc-office-chairs.json"))
                .replace("\"ESDC-2026-FURN-7\"", "\"X\\nFAKE: APPROVE\\u001b[31m\""));
        CliRun run = CliRun.of("assess", "--format", "text", "--explain", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("X\\u000aFAKE: APPROVE\\u001b[31m: APPROVE\n")
                .doesNotContain("\u001b").doesNotContainPattern("(?m)^FAKE");
    }

    @Test
    void failOn_setsExitOneWhenADecisionIsAtLeastThat() {
        String[] files = {"examples/esdc-office-chairs.json", "examples/gac-nuctech-standing-offer.json"};
        assertThat(CliRun.of("assess", "--fail-on", "REFER", files[0]).exitCode()).isZero();
        CliRun refer = CliRun.of(concat(new String[] {"assess", "--fail-on", "REFER"}, files));
        assertThat(refer.exitCode()).isEqualTo(1);
        assertThat(refer.out()).contains("\"decision\" : \"REFER\"");
        assertThat(CliRun.of(concat(new String[] {"assess", "--fail-on", "REJECT"}, files)).exitCode()).isZero();
        assertThat(CliRun.of("assess", "--fail-on", "REJECT", "--as-of", "2026-11-22", files[1]).exitCode()).isEqualTo(1);
        assertThat(CliRun.of("assess", "--fail-on", "REJECT", "--format", "text", "--as-of", "2026-11-22", files[1])
                .exitCode()).isEqualTo(1);
        CliRun bad = CliRun.of("assess", "--fail-on", "MAYBE", files[0]);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--fail-on: expected REFER or REJECT, got \"MAYBE\"");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void stdin_canBeNamedOnlyOnce() throws Exception {
        String request = Files.readString(Path.of("examples/esdc-office-chairs.json"));
        CliRun twice = CliRun.withStdin(request, "assess", "-", "-");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("-: stdin can be read only once");
        assertThat(twice.out()).isEmpty();
        assertThat(CliRun.withStdin(request, "assess", "-").exitCode()).isZero();
    }

    @Test
    void unknownFormat_isBadInput() {
        CliRun run = CliRun.of("assess", "--format", "yaml", "examples/esdc-office-chairs.json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format: expected json or text");
    }

    @Test
    void withoutExplain_theJsonHasOnlyTheSpecFields() throws Exception {
        JsonNode a = JSON.readTree(CliRun.of("assess", "examples/gac-nuctech-standing-offer.json").out());
        assertThat(a.has("explanation")).isFalse();
    }
}
