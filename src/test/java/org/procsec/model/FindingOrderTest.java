package org.procsec.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Clause ids sort part by part, numerically where both parts are numbers. */
class FindingOrderTest {
    @ParameterizedTest
    @CsvSource({
        "3.9, 3.10, -1",
        "3.10, 3.9, 1",
        "3, 3.1, -1",
        "3.1, 3.1, 0",
        "1.3, 2, -1",
        "03.1, 3.1, 0",
        "99999999999999999999.1, 3.1, 1",   // longer than an int: still numeric, no overflow
        "3.a, 3.1, 1",                      // non-numeric parts compare as text
        "?, 1.3, 1",
    })
    void compareClauses(String a, String b, int sign) {
        assertThat(Integer.signum(Finding.compareClauses(a, b))).isEqualTo(sign);
    }
}
