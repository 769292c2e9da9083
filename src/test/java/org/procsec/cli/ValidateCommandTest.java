package org.procsec.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.procsec.TestRules;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** validate: every kind of problem points at the file and line that need the fix. */
class ValidateCommandTest {

    @Test
    void bundledRules_areClean() {
        CliRun run = CliRun.of("validate");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ok: ").contains("rules").contains("fingerprint sha256:");
    }

    /** Breaks a copy by replacing FROM with TO; the problem must be reported at the line of MARK. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing paren|5-prohibitions.drl|Purchase(remoteAccess, cseReview != CseStatus.FAVOURABLE, $review : cseReview)"
            + "|Purchase(remoteAccess, cseReview != CseStatus.FAVOURABLE, $review : cseReview|Purchase(remoteAccess,|missing",
        "unknown field|4-cse-review.drl|Purchase(cseReview == CseStatus.UNFAVOURABLE)"
            + "|Purchase(cseReveiw == CseStatus.UNFAVOURABLE)|cseReveiw|cseReveiw",
        "unknown fact type|6-conditions.drl|    Purchase(dataRetentionDays == null)|    Purchse(dataRetentionDays == null)"
            + "|Purchse(|Purchse",
        "error in a then block|3-clearance.drl|new ClearanceSubject($p.ref(), \"3.6\")"
            + "|new ClearanceSubject($p.reff(), \"3.6\")|reff()|reff",
        "rule without id|2-classification.drl|rule \"SEC-2.5-secure-zone any item|rule \"secure zone any item"
            + "|rule \"secure zone|has no rule id",
        "duplicate id|2-classification.drl|rule \"SEC-2.6-gc-network item|rule \"SEC-2.5-secure-zone item"
            + "|rule \"SEC-2.5-secure-zone item|used twice",
        "unknown clause|2-classification.drl|rule \"SEC-2.6-gc-network item|rule \"SEC-2.9-gc-network item"
            + "|SEC-2.9|cites clause 2.9",
        "unknown reference list|2-classification.drl|ItemFact(listed(\"radioCategories\"))"
            + "|ItemFact(listed(\"radioCategory\"))|radioCategory|no such list in reference/parameters.json",
        "bad date in reference data|reference/allied-restrictions.json|\"inForceFrom\": \"2014-01-01\""
            + "|\"inForceFrom\": \"2014-13-01\"|2014-13-01|entries[5].inForceFrom: expected a date",
        "invalid JSON|reference/prohibited-vendors.json|\"aliases\": [\"Hikvision\", \"HIKVISION\", \"EZVIZ\"],"
            + "|\"aliases\": [\"Hikvision\", \"HIKVISION\", \"EZVIZ\"] oops,|oops|invalid JSON",
        "legal form of two words|reference/legal-forms.json|{ \"form\": \"ULC\" }|{ \"form\": \"Co Ltd\" }|Co Ltd"
            + "|entries[29].form: legal form \"Co Ltd\" is 2 words",
        "alias empty once normalised|reference/prohibited-vendors.json|\"EZVIZ\"]|\"EZVIZ\", \"Ltd.\"]|\"Ltd.\"]"
            + "|is empty once normalised",
        "alias naming another vendor|reference/allied-restrictions.json|\"aliases\": [\"Dahua\"]"
            + "|\"aliases\": [\"Dahua\", \"Z.T.E.\"]|Z.T.E.|which already names \"zte\"",
    })
    void brokenCopy_reportsFileAndLine(String what, String file, String from, String to, String mark, String message,
                                       @TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        TestRules.edit(rules.resolve(file), from, to);
        String text = Files.readString(rules.resolve(file));
        int line = 1 + (int) text.substring(0, text.indexOf(mark)).chars().filter(c -> c == '\n').count();

        CliRun run = CliRun.of("validate", rules.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(3);
        assertThat(run.out().lines().findFirst().orElse(""))
                .as("%s: %s", what, run.out())
                .startsWith(rules.resolve(file) + ":" + line + ":")
                .contains(message);
        assertThat(run.out()).endsWith("1 problem\n");
    }

    @Test
    void missingReferenceFile_isNamed(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        Files.delete(rules.resolve("reference/subsidiaries.json"));
        CliRun run = CliRun.of("validate", rules.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains(rules.resolve("reference/subsidiaries.json") + ":0:0: missing reference data file");
    }

    @Test
    void notADirectory_isBadInput() {
        assertThat(CliRun.of("validate", "no/such/dir").exitCode()).isEqualTo(2);
    }

    @Test
    void syntaxErrorInAThenBlock_isReportedAtItsOwnLine(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        Path drl = rules.resolve("2-classification.drl");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(drl));
        int then = lines.subList(12, lines.size()).indexOf("then") + 12; // the first rule's then, after its header
        lines.set(then, "then )(");
        Files.write(drl, lines);
        CliRun run = CliRun.of("validate", rules.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).startsWith(drl + ":" + (then + 1) + ":6: ").endsWith("1 problem\n");

        lines.set(then, "then");
        lines.set(then + 1, lines.get(then + 1) + " )(");
        Files.write(drl, lines);
        CliRun second = CliRun.of("validate", rules.toString());
        assertThat(second.out()).startsWith(drl + ":" + (then + 2) + ":" + (lines.get(then + 1).length() - 1) + ": ");
    }

    @Test
    void aSyntaxErrorInOneFile_doesNotHideTypeErrorsInTheOthers(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        TestRules.edit(rules.resolve("5-prohibitions.drl"),
                "Purchase(remoteAccess, cseReview != CseStatus.FAVOURABLE, $review : cseReview)",
                "Purchase(remoteAccess, cseReview != CseStatus.FAVOURABLE, $review : cseReview");
        TestRules.edit(rules.resolve("4-cse-review.drl"), "Purchase(cseReview == CseStatus.UNFAVOURABLE)",
                "Purchase(cseReveiw == CseStatus.UNFAVOURABLE)");
        CliRun run = CliRun.of("validate", rules.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains(rules.resolve("5-prohibitions.drl") + ":", "missing")
                .contains(rules.resolve("4-cse-review.drl") + ":", "cseReveiw").endsWith("2 problems\n");
    }

    @Test
    void onlyTheGivenFolder_isTheRuleSet_notItsSubfolders(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        Files.createDirectories(rules.resolve("scratch"));
        Files.writeString(rules.resolve("scratch/broken.drl"), "package rules;\nrule \"oops\" when then nonsense( end\n");
        CliRun run = CliRun.of("validate", rules.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("ok: ");
    }

    @Test
    void aFolderOfRuleFolders_isNotARuleDirectory_andNamesThoseBelowIt() {
        CliRun run = CliRun.of("validate", "examples");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEqualTo("examples:0:0: not a rule directory: no *.drl files and no reference/ folder"
                + " (rule directories below it: examples/policy-change/rules-2019, examples/screening-change/rules-2026.1)\n"
                + "1 problem\n");
    }

    @Test
    void missingDirectory_isNamedAsTyped() {
        CliRun run = CliRun.of("validate", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("nope: no such directory\n");
    }

    @Test
    void jsonFormat_listsProblemsAsObjects(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        TestRules.edit(rules.resolve("4-cse-review.drl"), "Purchase(cseReview == CseStatus.UNFAVOURABLE)",
                "Purchase(cseReveiw == CseStatus.UNFAVOURABLE)");
        CliRun run = CliRun.of("validate", "--format", "json", rules.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(root.get("ok").asBoolean()).isFalse();
        assertThat(root.get("fingerprint").asText()).startsWith("sha256:");
        assertThat(root.get("problems")).hasSize(1);
        assertThat(root.at("/problems/0/path").asText()).isEqualTo(rules.resolve("4-cse-review.drl").toString());
        assertThat(root.at("/problems/0/line").asInt()).isPositive();
        assertThat(root.at("/problems/0/message").asText()).contains("cseReveiw");
        CliRun clean = CliRun.of("validate", "--format", "json");
        var ok = new com.fasterxml.jackson.databind.ObjectMapper().readTree(clean.out());
        assertThat(clean.exitCode()).isZero();
        assertThat(ok.get("ok").asBoolean()).isTrue();
        assertThat(ok.get("problems")).isEmpty();
        assertThat(ok.get("edition").asText()).isEqualTo("2026.2");
    }

    @Test
    void aRuleThatWouldMixRequests_isAWarning_andTheRulesStillBuild(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp.resolve("rules"));
        java.nio.file.Files.writeString(rules.resolve("2-classification.drl"),
                java.nio.file.Files.readString(rules.resolve("2-classification.drl"))
                + "\nrule \"SEC-2.5-everyone a sector derived from reference data alone\"\nwhen\n"
                + "    Parameters()\nthen\n"
                + "    insertLogical(new SensitiveSector(Sector.SECURE_ZONE, \"2.5\"));\nend\n");
        CliRun run = CliRun.of("validate", rules.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("ok: ").contains("warning: " + rules.resolve("2-classification.drl") + ":")
                .contains("SEC-2.5-everyone").contains("(requests are assessed one per session)");
        CliRun json = CliRun.of("validate", "--format", "json", rules.toString());
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(root.get("ok").asBoolean()).isTrue();
        assertThat(root.get("warnings")).hasSize(1);
        assertThat(root.at("/warnings/0/message").asText()).contains("reference data alone");
        var clean = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.of("validate", "--format", "json").out());
        assertThat(clean.get("warnings")).isEmpty();
    }
}
