package org.procsec.internal.names;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hasWords} answers without normalising when a name has an ASCII letter or digit: on names
 * built from letters, digits, combining marks, invisible and compatibility characters, punctuation
 * and legal forms, that answer is always the one the whole normalisation gives.
 */
class HasWordsProperties {
    private static final String[] PIECES = {"a", "Z", "7", "\u0301", "\u20e3", "\u200b", "\u200d", "\u00ad",
        "\ufeff", "\u2060", "\u202e", "\u0300", "\u0336", "\uff21", "\u2460", "\u00e9", ".", ",", "-", " ",
        "\u3000", "&", "'", "Co.", "Ltd", "\u0410", "\u05d0", "\ud835\udc00", "\u0660", "\u00b2", "_", "\u0000"};

    @Test
    void theAsciiShortcut_neverDisagreesWithTheNormalisation() {
        Random random = new Random(11);
        int withWords = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String name = b.toString();
            boolean expected = VendorNames.hasWordsNormalised(name);
            assertThat(VendorNames.hasWords(name)).as(name).isEqualTo(expected);
            withWords += expected ? 1 : 0;
        }
        assertThat(withWords).isBetween(2_000, 19_000);
    }
}
