package org.procsec.internal.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Utf8Test {
    private static byte[] bytes(String prefix, int... tail) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[p.length + tail.length];
        System.arraycopy(p, 0, b, 0, p.length);
        for (int i = 0; i < tail.length; i++) {
            b[p.length + i] = (byte) tail[i];
        }
        return b;
    }

    private static Utf8.MalformedException refused(byte[] b) {
        try {
            Utf8.decode(b);
        } catch (Utf8.MalformedException e) {
            return e;
        }
        throw new AssertionError("accepted " + java.util.HexFormat.of().formatHex(b));
    }

    @Test
    void decode_validText_isReturnedUnchanged() throws Exception {
        String text = "{\"id\": \"Caméras 日本 \ud83d\ude00\"}\n\r\t";
        assertThat(Utf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(Utf8.decode(new byte[0])).isEmpty();
        byte[] framed = bytes("xx{}yy");
        assertThat(Utf8.decode(framed, 2, 2)).isEqualTo("{}");
    }

    @Test
    void decode_invalidByte_givesLineColumnAndOffset() {
        Utf8.MalformedException e = refused(bytes("{\n  \"id\": \"é", 0xFF, '"'));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(11); // 2 spaces, "id": , space, quote, é: the 11th character
        assertThat(e.byteOffset()).isEqualTo(13);
        assertThat(e.getMessage()).isEqualTo("invalid UTF-8 at line 2, column 11 (byte offset 13): byte FF, which never"
                + " appears in UTF-8 (expected UTF-8 text)");
        assertThat(e.inLine()).startsWith("invalid UTF-8 at column 11 (byte offset 13 of the line): byte FF");
    }

    @Test
    void decode_eachKindOfBadSequence_isNamed() {
        assertThat(refused(bytes("a", 0xC0, 0xAF)).reason()).startsWith("overlong encoding C0 AF");
        assertThat(refused(bytes("a", 0xE0, 0x80, 0xAF)).reason()).startsWith("overlong encoding E0 80 AF");
        assertThat(refused(bytes("a", 0xF0, 0x80, 0x80, 0xAF)).reason()).startsWith("overlong encoding F0 80 80 AF");
        assertThat(refused(bytes("a", 0xED, 0xA0, 0x80)).reason()).startsWith("encoded surrogate ED A0 80");
        assertThat(refused(bytes("a", 0xF4, 0x90, 0x80, 0x80)).reason()).startsWith("code point above U+10FFFF");
        assertThat(refused(bytes("a", 0x80, 'b')).reason()).startsWith("stray continuation byte 80");
        assertThat(refused(bytes("a", 0xE2, 0x82, 'b')).reason()).startsWith("incomplete sequence E2 82 62");
        assertThat(refused(bytes("a", 0xE2, 0x82)).reason()).startsWith("sequence cut off at the end E2 82");
        assertThat(refused(bytes("a", 0xC3)).column()).isEqualTo(2);
    }
    @Test
    void decode_findsABadByteAtEveryPosition_andEveryOffset() throws Exception {
        // Utf8 trusts the JDK's decoding when it made no U+FFFD: a bad byte anywhere must still be refused
        // with its offset, a good non-ASCII character anywhere read, and bytes outside the range not read.
        for (int length = 0; length <= 27; length++) {
            for (int offset = 0; offset <= 9; offset++) {
                byte[] bytes = new byte[offset + length + 3];
                java.util.Arrays.fill(bytes, (byte) 'a');
                bytes[bytes.length - 1] = (byte) 0xFF;
                if (offset > 0) {
                    bytes[offset - 1] = (byte) 0xE9;
                }
                assertThat(Utf8.decode(bytes, offset, length)).isEqualTo("a".repeat(length));
                for (int at = 0; at < length; at++) {
                    byte[] one = bytes.clone();
                    one[offset + at] = (byte) 0xE9; // a lead byte with no continuation: not UTF-8
                    int from = offset;
                    int count = length;
                    long where = at;
                    assertThatThrownBy(() -> Utf8.decode(one, from, count))
                            .isInstanceOf(Utf8.MalformedException.class)
                            .satisfies(e -> assertThat(((Utf8.MalformedException) e).byteOffset()).isEqualTo(where));
                    if (at + 1 < length) {
                        one[offset + at] = (byte) 0xC3;
                        one[offset + at + 1] = (byte) 0xA9; // é
                        assertThat(Utf8.decode(one, offset, length)).hasSize(length - 1).contains("\u00e9");
                    }
                }
            }
        }
    }

    @Test
    void decode_aReplacementCharacterInTheInput_isRead_andOneMadeByABadByteIsRefused() throws Exception {
        byte[] fffd = "a\ufffdb".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decode(fffd)).isEqualTo("a\ufffdb");
        byte[] both = {'a', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xC0, (byte) 0xAF};
        assertThatThrownBy(() -> Utf8.decode(both)).isInstanceOf(Utf8.MalformedException.class)
                .hasMessageContaining("overlong").satisfies(e -> assertThat(((Utf8.MalformedException) e).byteOffset())
                        .isEqualTo(4));
    }
}
