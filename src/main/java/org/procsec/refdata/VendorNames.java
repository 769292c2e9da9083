package org.procsec.refdata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalised legal names (POLICY 1.5): case, punctuation, accents and trailing legal suffixes
 * (Co., Company, Ltd., Limited, Inc., Corp., Corporation, GmbH, S.A.) are ignored.
 */
public final class VendorNames {
    private static final Set<String> LEGAL_SUFFIXES =
            Set.of("co", "company", "ltd", "limited", "inc", "corp", "corporation", "gmbh", "sa");

    private VendorNames() {
    }

    /**
     * The normalised form of {@code name}: lower case, accents and punctuation removed, trailing
     * legal suffixes dropped. {@code "Hangzhou Hikvision Digital Technology Co., Ltd."} becomes
     * {@code "hangzhou hikvision digital technology"}.
     */
    public static String normalise(String name) {
        String known = MEMO.get(name);
        if (known != null) {
            return known;
        }
        String n = compute(name);
        if (MEMO.size() >= MEMO_LIMIT) {
            MEMO.clear(); // a crude bound: a portfolio names a few thousand vendors at most
        }
        MEMO.put(name, n);
        return n;
    }

    /** Names seen recently: a scan meets the same few vendors on every line. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> MEMO =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MEMO_LIMIT = 8192;

    private static String compute(String name) {
        // Hand-written rather than regular expressions: this runs for every party of every
        // assessment. Same steps as the javadoc, in this order: accents, case, dots, separators.
        String s = name;
        if (!isAscii(s)) {
            s = stripMarks(Normalizer.normalize(s, Normalizer.Form.NFD));
        }
        s = s.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>(4);
        StringBuilder token = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '.') {
                continue;                   // "S.A." -> "sa", "Co." -> "co"
            }
            if (isLetterOrNumber(cp)) {
                token.appendCodePoint(cp);
            } else if (token.length() > 0) {
                tokens.add(token.toString());
                token.setLength(0);
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        // Suffixes are dropped from the end only, and never the whole name.
        while (tokens.size() > 1 && LEGAL_SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join(" ", tokens);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Removes combining marks (Unicode category M), as {@code \\p{M}} does. */
    private static String stripMarks(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /** {@code \\p{L}} or {@code \\p{N}}. */
    private static boolean isLetterOrNumber(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
