package org.procsec.internal.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import org.procsec.internal.refdata.BundledReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** POLICY 1.5 (edition 2026.2): each normalisation step, firing and not firing, then the whole. */
class VendorNamesTest {
    private final VendorNames names = BundledReference.names();

    // Step 1: invisible and formatting characters.

    @ParameterizedTest
    @ValueSource(strings = {"Hik\u200Bvision", "Hik\u00ADvision", "Hik\u2060vision", "\uFEFFHikvision",
        "Hik\u200Cvi\u200Dsion", "Hik\u202Evision", "Hik\u2066vision\u2069", "Hik\u061Cvision",
        "Hikvision\uDB40\uDC41\uDB40\uDC7F", "Hik\u034Fvision", "Hik\uFE0Fvision", "Hik\u180Evision"})
    void removeInvisible_removesEveryInvisibleCharacter(String name) {
        assertThat(VendorNames.removeInvisible(name)).isEqualTo("Hikvision");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hik vision", "Hik-vision", "Hik\u00A0vision", "Hik\u3000vision", "Hik\tvision"})
    void removeInvisible_keepsVisibleSeparators(String name) {
        assertThat(VendorNames.removeInvisible(name)).isEqualTo(name);
    }

    // Step 2: compatibility form and case.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ＨＩＫＶＩＳＩＯＮ|hikvision",       // full width
        "𝐇𝐢𝐤𝐯𝐢𝐬𝐢𝐨𝐧|hikvision",             // mathematical bold
        "𝓗𝓲𝓴𝓿𝓲𝓼𝓲𝓸𝓷|hikvision",             // mathematical script
        "HIKVISION|hikvision",
        "Straße|strasse",                  // full case folding
        "ﬁrst|first",                      // ligature
        "Ⅻ|xii",                          // roman numeral
    })
    void foldCompatibility_mapsToPlainLowerCase(String name, String expected) {
        assertThat(VendorNames.foldCompatibility(name)).isEqualTo(expected);
    }

    @Test
    void foldCompatibility_leavesOtherScriptsAlone() {
        assertThat(VendorNames.foldCompatibility("Нікvision")).isEqualTo("нікvision"); // Cyrillic stays Cyrillic
    }

    // Step 3: accents.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"hïkvísion|hikvision", "société générale|societe generale", "müller|muller",
        "e\u0301|e"})
    void removeAccents_dropsCombiningMarks(String name, String expected) {
        assertThat(VendorNames.removeAccents(name)).isEqualTo(expected);
    }

    @Test
    void removeAccents_keepsBaseLetters() {
        assertThat(VendorNames.removeAccents("hikvision")).isEqualTo("hikvision");
        assertThat(VendorNames.removeAccents("한국")).isEqualTo("한국");  // Hangul recomposed, not jamo
    }

    // Step 4: word breaks and dotted initials.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hik-vision|hik,vision", "hik_vision|hik,vision", "hik/vision|hik,vision", "hik'vision|hik,vision",
        "hik.vision|hik,vision", "(canada)|canada", "co.,ltd.|co,ltd", "co.ltd|co,ltd",
        "s.a.|sa", "s.a|sa", "z.t.e.|zte", "z.t.e|zte", "h.i.k.v.i.s.i.o.n|hikvision",
        "nuctech s.a.|nuctech,sa", "a. smith|a,smith", "s. a.|s,a", "h-i-k|h,i,k", "x.1|x,1", "1.2|1,2",
        "u.s. optics|us,optics", "abc.d.e|abc,de",
    })
    void splitWords_breaksAtPunctuation_joiningDottedInitials(String text, String expected) {
        assertThat(String.join(",", VendorNames.splitWords(text))).isEqualTo(expected);
    }

    @Test
    void splitWords_ofOnlyPunctuation_isEmpty() {
        assertThat(VendorNames.splitWords("-...- ,")).isEmpty();
    }

    // Step 5: legal forms, wherever they stand.

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hikvision LLC|hikvision", "Hikvision Incorporated|hikvision", "Hikvision B.V.|hikvision",
        "Hikvision (Canada) Inc.|hikvision canada", "NUCTECH CO.LTD.|nuctech", "Nuctech S.A.|nuctech",
        "Nuctech S.p.A.|nuctech", "Nuctech Pty. Ltd.|nuctech", "GmbH Nuctech|nuctech", "Z.T.E. Corp.|zte",
        "Nuctech Company Limited|nuctech", "Nuctech ULC|nuctech", "Nuctech Oy|nuctech",
    })
    void normalise_dropsLegalForms(String name, String expected) {
        assertThat(names.normalise(name)).isEqualTo(expected);
    }

    @Test
    void normalise_keepsWordsThatOnlyContainALegalForm() {
        assertThat(names.normalise("Cobra Sale Incoming")).isEqualTo("cobra sale incoming");
        assertThat(names.normalise("Cooperative Imaging")).isEqualTo("cooperative imaging");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hangzhou Hikvision Digital Technology Co., Ltd.|hangzhou hikvision digital technology",
        "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD|hangzhou hikvision digital technology",
        "Société Générale S.A.|societe generale",
        "Norsat International Inc.|norsat international",
        "Ｈｉｋ\u200Bｖｉｓｉｏｎ， Ｌｔｄ．|hikvision",
    })
    void normalise_allStepsTogether(String name, String expected) {
        assertThat(names.normalise(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "...", "\u200B", " \u00AD ", "Ltd.", "Co., Ltd.", "S.A."})
    void normalise_toNothing(String name) {
        assertThat(names.words(name)).isEmpty();
    }

    @Test
    void hasWords_needsALetterOrDigit_whateverTheLegalForms() {
        assertThat(VendorNames.hasWords("-")).isFalse();
        assertThat(VendorNames.hasWords("\u200B\u2060")).isFalse();
        assertThat(VendorNames.hasWords("Ltd.")).isTrue();   // a word; the rule set's legal forms decide
        assertThat(VendorNames.hasWords("3M")).isTrue();
    }

    @Test
    void legalForms_mustBeOneWord() {
        assertThatThrownBy(() -> new VendorNames(List.of("Co Ltd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 words");
        assertThat(new VendorNames(List.of("S.A.")).legalForms()).containsExactly("sa");
    }
}
