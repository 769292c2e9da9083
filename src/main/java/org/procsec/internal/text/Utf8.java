package org.procsec.internal.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding: invalid bytes, overlong encodings, encoded surrogates, code points past
 * U+10FFFF and cut-off sequences are refused with their position and what is wrong, never
 * replaced by U+FFFD. Internal to procsec.
 */
public final class Utf8 {
    private Utf8() {
    }

    /** Bytes that are not UTF-8: where (0-based byte offset, 1-based line and column) and why. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final long byteOffset;
        private final long line;
        private final long column;
        private final String reason;

        MalformedException(long byteOffset, long line, long column, String reason) {
            super("invalid UTF-8 at line " + line + ", column " + column + " (byte offset " + byteOffset + "): "
                    + reason);
            this.byteOffset = byteOffset;
            this.line = line;
            this.column = column;
            this.reason = reason;
        }

        /** Offset of the first bad byte, 0-based. */
        public long byteOffset() {
            return byteOffset;
        }

        /** Line of the first bad byte, 1-based (lines end at LF). */
        public long line() {
            return line;
        }

        /** Column of the first bad byte, 1-based, in characters. */
        public long column() {
            return column;
        }

        /** What is wrong, e.g. {@code overlong encoding C0 AF}. */
        public String reason() {
            return reason;
        }

        /** The message without the line, for text that is one line of a larger input. */
        public String inLine() {
            return "invalid UTF-8 at column " + column + " (byte offset " + byteOffset + " of the line): " + reason;
        }
    }

    /** The text of {@code bytes}; see {@link #decode(byte[], int, int)}. */
    public static String decode(byte[] bytes) throws MalformedException {
        return decode(bytes, 0, bytes.length);
    }

    /** The text of {@code length} bytes of {@code bytes} from {@code offset}, refusing anything that is not UTF-8. */
    public static String decode(byte[] bytes, int offset, int length) throws MalformedException {
        if (ascii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length); // UTF-8 never has fewer bytes than UTF-16 units
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw malformed(bytes, offset, length, in.position() - offset);
        }
        return out.flip().toString();
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** No byte has its top bit set: eight bytes at a time, then the rest one by one. */
    static boolean ascii(byte[] b, int offset, int length) {
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            if (((long) LONGS.get(b, i) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static MalformedException malformed(byte[] b, int offset, int length, int at) {
        long line = 1;
        long column = 1;
        for (int i = offset; i < offset + at; i++) {
            if (b[i] == '\n') {
                line++;
                column = 1;
            } else if ((b[i] & 0xC0) != 0x80) { // not a continuation byte: a new character
                column++;
            }
        }
        return new MalformedException(at, line, column, reason(b, offset + at, offset + length));
    }

    /** Why the sequence at {@code i} is not UTF-8 (the decoder stopped there). */
    static String reason(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        int b1 = i + 1 < end ? b[i + 1] & 0xFF : -1;
        int need = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : 0;
        String bytes = hex(b, i, Math.min(end, i + 1 + Math.max(need, 0)));
        if (b0 >= 0x80 && b0 <= 0xBF) {
            return String.format(Locale.ROOT, "stray continuation byte %02X (expected UTF-8 text)", b0);
        }
        if (b0 >= 0xF5) {
            return String.format(Locale.ROOT, "byte %02X, which never appears in UTF-8 (expected UTF-8 text)", b0);
        }
        if (b0 == 0xC0 || b0 == 0xC1 || (b0 == 0xE0 && b1 >= 0x80 && b1 < 0xA0)
                || (b0 == 0xF0 && b1 >= 0x80 && b1 < 0x90)) {
            return "overlong encoding " + bytes + " (a character written with more bytes than it takes; expected"
                    + " UTF-8 text)";
        }
        if (b0 == 0xED && b1 >= 0xA0 && b1 <= 0xBF) {
            return "encoded surrogate " + bytes + " (UTF-16 halves are not characters; expected UTF-8 text)";
        }
        if (b0 == 0xF4 && b1 >= 0x90) {
            return "code point above U+10FFFF " + bytes + " (expected UTF-8 text)";
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= end) {
                return "sequence cut off at the end " + bytes + " (lead byte " + String.format(Locale.ROOT, "%02X", b0)
                        + " needs " + need + " continuation byte" + (need == 1 ? "" : "s") + "; expected UTF-8 text)";
            }
            if ((b[i + k] & 0xC0) != 0x80) {
                return "incomplete sequence " + bytes + " (lead byte " + String.format(Locale.ROOT, "%02X", b0)
                        + " needs " + need + " continuation byte" + (need == 1 ? "" : "s") + "; expected UTF-8 text)";
            }
        }
        return "invalid sequence " + bytes + " (expected UTF-8 text)";
    }

    private static String hex(byte[] b, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(i > from ? " " : "").append(String.format(Locale.ROOT, "%02X", b[i] & 0xFF));
        }
        return s.toString();
    }
}
