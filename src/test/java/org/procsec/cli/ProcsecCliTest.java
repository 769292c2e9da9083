package org.procsec.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The top-level command: usage, help, unknown commands, and which runs prefetch the bundled rules. */
class ProcsecCliTest {
    private static final String[] COMMANDS = {"assess", "validate", "test", "diff", "scan", "generate"};

    @Test
    void noCommand_printsUsageWithEveryCommand_andExits2() {
        CliRun r = CliRun.of();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("procsec: no command given (expected one of assess, validate, test, diff,")
                .contains("Usage: procsec").contains(COMMANDS);
    }

    @Test
    void helpCommand_listsEveryCommand_andDescribesOne() {
        CliRun all = CliRun.of("help");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("Usage: procsec").contains(COMMANDS);
        CliRun one = CliRun.of("help", "test");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).startsWith("Usage: procsec test").contains("--format=FORMAT", "--watch");
    }

    @Test
    void version_namesVersionEditionFingerprintAndDrools() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("(?m)^procsec \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?$")
                .contains("policy edition 2026.2 (bundled rules)\n")
                .contains("rules fingerprint " + org.procsec.ruleset.RuleSource.bundled().fingerprint() + "\n")
                .containsPattern("(?m)^Drools 10\\.\\d+\\.\\d+$");
    }

    @Test
    void completion_printsABashScriptCompletingEveryCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        CliRun r = CliRun.of("completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F").contains(COMMANDS)
                .contains("--coverage-min").contains("--fail-on");
        // It is a script bash reads, and it completes "procsec as" to "assess".
        java.nio.file.Path script = tmp.resolve("procsec-completion.bash");
        java.nio.file.Files.writeString(script, r.out());
        Process p = new ProcessBuilder("bash", "-c", "source " + script + " && COMP_WORDS=(procsec as) COMP_CWORD=1"
                + " COMP_LINE='procsec as' COMP_POINT=10 && _complete_procsec && printf '%s\\n' \"${COMPREPLY[@]}\"")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.strip()).isEqualTo("assess");
    }

    @Test
    void help_listsEveryCommand() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(COMMANDS);
    }

    @Test
    void unknownCommand_isAnError_andTheUsageListsEveryCommand() {
        CliRun r = CliRun.of("asess", "examples/esdc-office-chairs.json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("asess").contains(COMMANDS);
    }

    @Test
    void aNamedCommand_runs_withTheInheritedDebugOption() {
        CliRun r = CliRun.of("--debug", "assess", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: procsec assess");
    }

    @Test
    void bundledRulesArePrefetched_onlyForAssessAndScanWithoutRules() {
        assertThat(ProcsecCli.usesBundledRules(new String[] {"assess", "x.json"})).isTrue();
        assertThat(ProcsecCli.usesBundledRules(new String[] {"--debug", "scan", "-"})).isTrue();
        assertThat(ProcsecCli.usesBundledRules(new String[] {"assess", "--rules", "dir", "x.json"})).isFalse();
        assertThat(ProcsecCli.usesBundledRules(new String[] {"scan", "--rules=dir", "-"})).isFalse();
        assertThat(ProcsecCli.usesBundledRules(new String[] {"validate"})).isFalse();
        assertThat(ProcsecCli.usesBundledRules(new String[] {})).isFalse();
    }
}
