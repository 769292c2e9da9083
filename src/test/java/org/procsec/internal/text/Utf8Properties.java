package org.procsec.internal.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Utf8#decode} accepts exactly what a strict JDK decoder (malformed input reported, never
 * replaced) accepts, and reads it alike: on bytes made mostly of UTF-8's own lead and continuation
 * bytes, so that overlong forms, encoded surrogates, code points past U+10FFFF, cut-off sequences
 * and real U+FFFD characters all come up.
 */
class Utf8Properties {

    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 'a', (byte) '"', (byte) 0x7F, (byte) 0x80, (byte) 0xBF,
                (byte) 0xBD, (byte) 0xA0, (byte) 0x90, (byte) 0x8F, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF,
                (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, interesting), net.jqwik.api.Tuple.of(1, any))
                .array(byte[].class).ofMaxSize(24);
    }

    @Property(tries = 20_000)
    void acceptsExactlyWhatAStrictDecoderAccepts(@ForAll("utf8ish") byte[] bytes) {
        String strict;
        try {
            strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            strict = null;
        }
        String ours;
        try {
            ours = Utf8.decode(bytes);
        } catch (Utf8.MalformedException e) {
            ours = null;
        }
        assertThat(ours).as(java.util.HexFormat.ofDelimiter(" ").formatHex(bytes)).isEqualTo(strict);
    }

    @Property(tries = 2_000)
    void readsEveryValidText(@ForAll String text) throws Exception {
        // jqwik's strings include lone surrogates, which getBytes replaces with '?': compare with what it wrote
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decode(bytes)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }
}
