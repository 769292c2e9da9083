package org.procsec.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.RuleDirs;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleSource;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pinned rule sets: {@code assess --expect-fingerprint} runs a rule directory only when its
 * fingerprint is the expected one; a copy with one byte changed in a DRL or reference file is
 * refused with exit 3, before anything is assessed.
 */
class PinnedRulesCliTest {
    private static final String CHAIRS = "examples/esdc-office-chairs.json";
    private static String bundled;

    @BeforeAll
    static void fingerprint() {
        bundled = RuleSource.bundled().fingerprint();
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ProcsecCli.run(args, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(new byte[0]));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void assess_untamperedCopy_expectedFingerprint_assesses(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        Run r = run("assess", "--rules", dir.toString(), "--expect-fingerprint", bundled, CHAIRS);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"decision\" : \"APPROVE\"").contains("\"fingerprint\" : \"" + bundled + "\"");
    }

    @Test
    void assess_bareOrUpperCaseHex_isAccepted(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        String hex = bundled.substring("sha256:".length());
        assertThat(run("assess", "--rules", dir.toString(), "--expect-fingerprint", hex, CHAIRS).code()).isZero();
        assertThat(run("assess", "--rules", dir.toString(), "--expect-fingerprint",
                hex.toUpperCase(Locale.ROOT), CHAIRS).code()).isZero();
    }

    @Test
    void assess_oneByteChangedInADrlFile_isRefusedWithExit3(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        flipOneByte(dir.resolve("3-clearance.drl")); // in the first comment: the rules still build
        Run r = run("assess", "--rules", dir.toString(), "--expect-fingerprint", bundled, CHAIRS);
        assertRefused(r, dir);
        // Without the pin the same directory runs: only the pin stops it.
        assertThat(run("assess", "--rules", dir.toString(), CHAIRS).code()).isZero();
    }

    @Test
    void assess_oneByteChangedInAReferenceFile_isRefusedWithExit3(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        Path countries = dir.resolve("reference/bilateral-countries.json");
        Files.writeString(countries, Files.readString(countries).replace("\"AU\"", "\"AT\""));
        assertRefused(run("assess", "--rules", dir.toString(), "--expect-fingerprint", bundled, CHAIRS), dir);
    }

    @Test
    void assess_anExtraDrlFile_isRefused_butNonRuleFilesAreNot(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        Files.writeString(dir.resolve("README.md"), "notes");
        Files.writeString(dir.resolve(".scratch.drl"), "// hidden: not part of the rule set");
        Files.writeString(dir.resolve("3-clearance.drl~"), "editor backup");
        assertThat(run("assess", "--rules", dir.toString(), "--expect-fingerprint", bundled, CHAIRS).code())
                .isZero();

        Files.writeString(dir.resolve("9-extra.drl"), RuleDirs.HEADER);
        assertRefused(run("assess", "--rules", dir.toString(), "--expect-fingerprint", bundled, CHAIRS), dir);
    }

    @Test
    void assess_bundledRules_pinned_rightAndWrong() {
        assertThat(run("assess", "--expect-fingerprint", bundled, CHAIRS).code()).isZero();
        String other = "sha256:" + "0".repeat(64);
        Run r = run("assess", "--expect-fingerprint", other, CHAIRS);
        assertThat(r.code()).isEqualTo(ExitCodes.RULES_BROKEN);
        assertThat(r.err()).contains("rules bundled have fingerprint " + bundled).contains("not the expected " + other);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void assess_malformedFingerprint_isBadInput() {
        Run r = run("assess", "--expect-fingerprint", "abc123", CHAIRS);
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--expect-fingerprint: expected sha256:<64 hex digits>").contains("abc123");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void builder_tamperedDirectory_expectFingerprint_throws(@TempDir Path dir) throws Exception {
        RuleDirs.copyOfBundled(dir);
        flipOneByte(dir.resolve("8-decision.drl"));
        RuleSource tampered = RuleSource.directory(dir);
        assertThat(tampered.fingerprint()).isNotEqualTo(bundled);
        assertThatThrownBy(() -> PolicyEngine.builder().rules(tampered).expectFingerprint(bundled).build())
                .isInstanceOf(RuleBuildException.class)
                .hasMessageContaining("differs from the expected " + bundled);
        assertThat(PolicyEngine.builder().rules(RuleSource.directory(RuleDirs.copyOfBundled(dir.resolve("clean"))))
                .expectFingerprint(bundled).build().fingerprint()).isEqualTo(bundled);
    }

    // ---- limits and input errors on the command line -------------------------------------------

    @Test
    void assess_maxFirings_stopsALoopingRuleSet(@TempDir Path dir) throws Exception {
        RuleDirs.bundledPlus(dir, "9-loop.drl", RuleDirs.REINSERT_LOOP);
        Run r = run("assess", "--rules", dir.toString(), "--max-firings", "500", CHAIRS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"decision\" : \"REFER\"").contains("DEC-1.3-firing-limit")
                .contains("cap of 500 rule firings");
    }

    @Test
    void assess_timeBudget_stopsASlowRuleSet(@TempDir Path dir) throws Exception {
        RuleDirs.bundledPlus(dir, "9-slow.drl", RuleDirs.SLOW_LOOP);
        Run r = run("assess", "--rules", dir.toString(), "--time-budget-ms", "100", CHAIRS);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"decision\" : \"REFER\"").contains("DEC-1.3-time-budget");
    }

    @Test
    void assess_nonPositiveLimits_areBadInput() {
        Run firings = run("assess", "--max-firings", "0", CHAIRS);
        assertThat(firings.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(firings.err()).contains("--max-firings: expected a number >= 1");
        Run budget = run("assess", "--time-budget-ms", "0", CHAIRS);
        assertThat(budget.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(budget.err()).contains("--time-budget-ms: expected a number >= 1");
    }

    @Test
    void assess_oneBadFileAmongGoodOnes_printsNoAssessmentAtAll(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(CHAIRS)).replaceFirst("\"id\"", "\"id\": \"x\", \"id\""));
        Run r = run("assess", CHAIRS, bad.toString(), "examples/gac-cleared-supplier.json");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(bad + ": id: invalid JSON").contains("Duplicate field 'id'");
    }

    @Test
    void assess_fileLargerThanARequestMayBe_isBadInput_withoutReadingItAll(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.json");
        try (var out = Files.newOutputStream(huge)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int k = 0; k < 64; k++) { // 64 MiB of blanks
                out.write(block);
            }
        }
        Run r = run("assess", huge.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(huge + ": more than " + Inputs.MAX_REQUEST_BYTES + " bytes");
        assertThat(r.out()).isEmpty();
    }

    private static void assertRefused(Run r, Path dir) {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RULES_BROKEN);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("rules " + dir + " have fingerprint sha256:")
                .contains("not the expected " + bundled).contains("--expect-fingerprint")
                .doesNotContain("Exception");
    }

    /** Changes the 4th byte of {@code file} (inside the opening comment of every bundled file). */
    private static void flipOneByte(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] = (byte) (bytes[3] == 'X' ? 'Y' : 'X');
        Files.write(file, bytes);
    }
}
