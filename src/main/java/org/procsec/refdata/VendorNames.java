package org.procsec.refdata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
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
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT)
                .replace(".", "")           // "S.A." -> "sa", "Co." -> "co"
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        List<String> tokens = new ArrayList<>(Arrays.asList(s.split(" ")));
        // Suffixes are dropped from the end only, and never the whole name.
        while (tokens.size() > 1 && LEGAL_SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join(" ", tokens);
    }
}
