package org.procsec.schema;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/POLICY.md and docs/FORMATS.md are the contract as the repository holds it; they are kept
 * identical to ../shared (beside the checkout, where CI has it). Without ../shared the test is
 * skipped, so a clone builds on its own.
 */
class SharedContractTest {
    @ParameterizedTest
    @CsvSource({"docs/POLICY.md, ../shared/POLICY.md", "docs/FORMATS.md, ../shared/spec/FORMATS.md"})
    void repositoryCopy_isTheSharedText(String copy, String shared) throws Exception {
        Path original = Path.of(shared);
        Assumptions.assumeTrue(Files.exists(original), shared + " is not beside this checkout");
        assertThat(Files.readString(Path.of(copy)))
                .as(copy + " differs from " + shared + ": copy it again (cp " + shared + " " + copy + ")")
                .isEqualTo(Files.readString(original));
    }
}
