package org.procsec.internal.text;

/**
 * The one escaping function for text that came from a request (ids, names, keys, messages that
 * quote them) on its way to a log line, a terminal or a CLI message. Control characters (C0,
 * DEL and C1, so line breaks and ESC too), the Unicode line and paragraph separators,
 * bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and lone
 * surrogates are written as a backslash, {@code u} and four hex digits, and a backslash is
 * doubled, so that a request can neither forge or split a line of the decision log nor move the
 * cursor, clear the screen or reorder what a terminal shows. Internal to procsec.
 */
public final class LogText {
    private LogText() {
    }

    /** True for a character {@link #escape} writes as an escape. */
    public static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || bidi(c) || Character.isSurrogate(c);
    }

    private static boolean bidi(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@code text} with every unsafe character escaped (see the class comment); "null" for null. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * A message of several lines (joined by LF) made safe for a terminal: the LFs between lines
     * are kept, every other unsafe character is escaped, backslashes are kept as they are. The CLI
     * passes every message through it before printing, as a second guard; request text must still
     * be escaped with {@link #escape} where it is put into a line, since an LF in it would
     * otherwise start a line of its own.
     */
    public static String escapeLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean message) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = message ? c != '\n' && !pair && unsafe(c) : c == '\\' || (!pair && unsafe(c));
            if (bad && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (!bad) {
                    out.append(c);
                    if (pair) {
                        out.append(text.charAt(++i));
                    }
                } else if (c == '\\') {
                    out.append("\\\\");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}
