package org.procsec.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {
    @Test
    void escape_plainText_isUnchanged() {
        String id = "GAC-SO-2020-017 Caméras 日本";
        assertThat(LogText.escape(id)).isSameAs(id);
    }

    @Test
    void escape_lineBreaksAndControls_cannotForgeALogLine() {
        String forged = "X\n[main] INFO org.procsec.decisions - request Y decision APPROVE\r\u2028\u0000\t";
        String escaped = LogText.escape(forged);
        assertThat(escaped).doesNotContain("\n", "\r", "\u2028", "\u0000", "\t")
                .isEqualTo("X\\u000a[main] INFO org.procsec.decisions - request Y decision APPROVE"
                        + "\\u000d\\u2028\\u0000\\u0009");
    }

    @Test
    void escape_backslash_isDoubled_soEscapesStayUnambiguous() {
        assertThat(LogText.escape("a\\u000ab")).isEqualTo("a\\\\u000ab");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}
