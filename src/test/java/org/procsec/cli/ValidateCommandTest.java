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
                .startsWith(file + ":" + line + ":")
                .contains(message);
        assertThat(run.out()).endsWith("1 problem\n");
    }

    @Test
    void missingReferenceFile_isNamed(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        Files.delete(rules.resolve("reference/subsidiaries.json"));
        CliRun run = CliRun.of("validate", rules.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("reference/subsidiaries.json:0:0: missing reference data file");
    }

    @Test
    void notADirectory_isBadInput() {
        assertThat(CliRun.of("validate", "no/such/dir").exitCode()).isEqualTo(2);
    }
}
