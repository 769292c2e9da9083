package org.procsec.refdata;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** POLICY 1.5: case, punctuation, accents and legal suffixes are ignored. */
class VendorNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hangzhou Hikvision Digital Technology Co., Ltd.|hangzhou hikvision digital technology",
        "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD|hangzhou hikvision digital technology",
        "Nuctech Company Limited|nuctech",
        "ZTE Corporation|zte",
        "Zhejiang Dahua Technology Co., Ltd.|zhejiang dahua technology",
        "Société Générale S.A.|societe generale",
        "Müller GmbH|muller",
        "Norsat International Inc.|norsat international",
        "Corp.|corp",
        "Co-operative Imaging Inc|co operative imaging",
    })
    void normalise(String name, String expected) {
        assertThat(VendorNames.normalise(name)).isEqualTo(expected);
    }

    /** The hand-written normaliser agrees with the regular-expression definition it replaced. */
    @Property(tries = 2000)
    void normalise_agreesWithTheRegexDefinition(@ForAll("names") String name) {
        assertThat(VendorNames.normalise(name)).isEqualTo(byRegex(name));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> tokens = Arbitraries.oneOf(
                Arbitraries.of("Co.", "Ltd", "S.A.", "GmbH", "Inc.", "corp", "Société", "Müller", "Zoë",
                        "İstanbul", "ǅemal", "Ⅻ", "²", "٣", "—", "&", ".", ",", " ", "  ", "\t", "a\u0301"),
                Arbitraries.strings().withCharRange('\u0000', '\u024F').ofMaxLength(6),
                Arbitraries.strings().all().ofMaxLength(4));
        return tokens.list().ofMaxSize(6).map(l -> String.join(" ", l));
    }

    private static String byRegex(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        List<String> tokens = new ArrayList<>(Arrays.asList(s.split(" ")));
        Set<String> suffixes = Set.of("co", "company", "ltd", "limited", "inc", "corp", "corporation", "gmbh", "sa");
        while (tokens.size() > 1 && suffixes.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        return String.join(" ", tokens);
    }
}
