package org.procsec.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** examples/policy-change: the diff in its README is reproducible, byte for byte. */
class PolicyChangeExampleTest {
    @Test
    void diffOutputMatchesTheExpectedFile() throws Exception {
        CliRun r = CliRun.of("diff", "--base", "examples/policy-change/rules-2019", "--head",
                "src/main/resources/rules", "--as-of", "2026-11-22", "examples");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String expected = Files.readString(Path.of("examples/policy-change/expected-diff.txt"));
        assertThat(r.out()).isEqualTo(expected);
        assertThat(Files.readString(Path.of("examples/policy-change/README.md"))).contains(expected.strip());
    }
}
