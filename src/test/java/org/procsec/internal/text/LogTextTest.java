package org.procsec.internal.text;

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

    @Test
    void escape_terminalControls_escBidiC1AndLoneSurrogates_areEscaped() {
        String hostile = "\u001b[2J\u001b[31mPWNED\u009b2J\u202eevil\u2066x\u2069\u200f\u061cA\ud800B\udc00";
        String escaped = LogText.escape(hostile);
        assertThat(escaped).isEqualTo("\\u001b[2J\\u001b[31mPWNED\\u009b2J\\u202eevil\\u2066x\\u2069\\u200f"
                + "\\u061cA\\ud800B\\udc00");
        assertThat(escaped.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void escape_surrogatePairs_areKept() {
        String emoji = "id \ud83d\ude00 \ud834\udd1e";
        assertThat(LogText.escape(emoji)).isSameAs(emoji);
        assertThat(LogText.escape("\ud83d\ude00\n")).isEqualTo("\ud83d\ude00\\u000a");
        assertThat(LogText.escape("\ude00\ud83d")).isEqualTo("\\ude00\\ud83d"); // reversed: two lone halves
    }

    @Test
    void escapeLines_keepsLineBreaks_andBackslashes_escapesTheRest() {
        assertThat(LogText.escapeLines("a: \u001b[2J\nb: x\\y\r")).isEqualTo("a: \\u001b[2J\nb: x\\y\\u000d");
        String plain = "f.json: id: missing\nf.json: sites: missing";
        assertThat(LogText.escapeLines(plain)).isSameAs(plain);
    }
}
