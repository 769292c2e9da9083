package org.procsec.io;

/**
 * Text from requests made safe for one log line: control characters (line breaks included) and
 * the Unicode line and paragraph separators are written as a backslash, {@code u} and four hex
 * digits, and a backslash is doubled, so that a request id cannot forge or split lines of the
 * decision log. Internal to procsec.
 */
public final class LogText {
    private LogText() {
    }

    /** {@code text} with every control or line-separating character escaped; "null" for null. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\\';
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (c == '\\') {
                    out.append("\\\\");
                } else if (unsafe) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
