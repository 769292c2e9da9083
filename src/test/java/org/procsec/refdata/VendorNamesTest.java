package org.procsec.refdata;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
