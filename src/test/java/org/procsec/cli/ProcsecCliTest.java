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
        assertThat(r.err()).contains("Usage: procsec").contains(COMMANDS);
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
