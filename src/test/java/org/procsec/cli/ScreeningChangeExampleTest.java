package org.procsec.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** examples/screening-change: the 2026.1 -> 2026.2 diff in its README is reproducible, byte for byte. */
class ScreeningChangeExampleTest {
    @Test
    void diffOutputMatchesTheExpectedFile() throws Exception {
        CliRun r = CliRun.of("diff", "--base", "examples/screening-change/rules-2026.1", "--head",
                "src/main/resources/rules", "examples/screening-change/disguised-names.jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String expected = Files.readString(Path.of("examples/screening-change/expected-diff.txt"));
        assertThat(r.out()).isEqualTo(expected);
        assertThat(Files.readString(Path.of("examples/screening-change/README.md"))).contains(expected.strip());
    }
}
