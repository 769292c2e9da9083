package org.procsec.internal.refdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** POLICY 1.5 a-c: matches, possible matches and no match against the bundled vendor lists. */
class VendorDirectoryTest {
    private static final String HIKVISION = "hangzhou hikvision digital technology";
    private static final String HYTERA = "hytera communications";
    private final VendorDirectory directory = BundledReference.data().directory();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hikvision|" + HIKVISION, "HIKVISION LLC|" + HIKVISION, "Hikvision B.V.|" + HIKVISION,
        "Hik\u200Bvision|" + HIKVISION, "ＨＩＫＶＩＳＩＯＮ|" + HIKVISION, "EZVIZ Inc.|" + HIKVISION,
        "Hangzhou Hikvision Digital Technology Co., Ltd.|" + HIKVISION, "NUCTECH CO.LTD.|nuctech",
        "Z.T.E. Corp.|zte", "Huawei|huawei technologies", "Norsat|" + HYTERA, "Norsat International Inc.|" + HYTERA,
        "Sinclair Technologies|" + HYTERA,
    })
    void screen_match(String name, String key) {
        VendorDirectory.Screening s = directory.screen(name);
        assertThat(s.matches()).extracting(VendorDirectory.Identity::key).containsExactly(key);
        assertThat(s.possibleMatches()).isEmpty();
    }

    @Test
    void screen_subsidiaryMatch_holdsFromItsDate() {
        VendorDirectory.Identity id = directory.screen("Norsat").matches().get(0);
        assertThat(id.via()).isEqualTo("subsidiary of Hytera Communications Corporation Limited");
        assertThat(id.since()).hasToString("2017-07-01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hangzhou Hikvision|" + HIKVISION + "|contains \"Hikvision\"",
        "Hikvision (Canada) Inc.|" + HIKVISION + "|contains \"Hikvision\"",
        "Hik Vision|" + HIKVISION + "|run together",
        "Hik-vision|" + HIKVISION + "|run together",
        "H-I-K-V-I-S-I-O-N|" + HIKVISION + "|run together",
        "Hik Vision Canada|" + HIKVISION + "|contains, run together",
        "Nuc-tech|nuctech|run together",
        "Hіkvision|" + HIKVISION + "|confusable",                 // Cyrillic і
        "ΗΙΚVΙSΙΟΝ|" + HIKVISION + "|confusable",                 // Greek capitals
        "H1KV1S10N|" + HIKVISION + "|confusable",                 // digits for letters
        "Hіkvision Canada|" + HIKVISION + "|confusable",          // confusable and contained
        "Norsat Canada|" + HYTERA + "|contains \"Norsat\"",
        "Hytera Canada|" + HYTERA + "|contains \"Hytera\"",
        "ZTE Soft|zte|as whole words",
        "Zhejiang Dahua Technology Canada|zhejiang dahua technology|as whole words",
        "HikvisionLtd|" + HIKVISION + "|run together",              // a legal form run into the name
        "HangzhouHikvisionDigitalTechnologyCo.,Ltd.|" + HIKVISION + "|run together",
        "LtdHuawei|huawei technologies|run together",
    })
    void screen_possibleMatch(String name, String key, String how) {
        VendorDirectory.Screening s = directory.screen(name);
        assertThat(s.matches()).as("matches").isEmpty();
        assertThat(s.possibleMatches()).extracting(VendorDirectory.PossibleMatch::key).contains(key);
        assertThat(s.possibleMatches()).filteredOn(p -> p.key().equals(key))
                .first().extracting(VendorDirectory.PossibleMatch::how).asString().contains(how);
    }

    @Test
    void screen_matchOfOneVendor_possibleMatchOfAnother() {
        VendorDirectory.Screening s = directory.screen("Huawei Hikvision");
        assertThat(s.matches()).isEmpty();
        assertThat(s.possibleMatches()).extracting(VendorDirectory.PossibleMatch::key)
                .containsExactly(HIKVISION, "huawei technologies");
    }

    @Test
    void screen_aMatchIsNotAlsoAPossibleMatchOfTheSameVendor() {
        assertThat(directory.screen("Hangzhou Hikvision Digital Technology").possibleMatches()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Maple Detection Systems Inc.", "Hikari Vision", "Vision Hik", "Aztec Logistics",
        "Nucor Corporation", "Dahuang Foods", "Huawen Trading", "Hyteral", "Sinclair Broadcast Group",
        "Norsatcom", "ZTEC Systems", "Easy Viz", "Hikma Pharmaceuticals", "Nuctek"})
    void screen_noMatch(String name) {
        VendorDirectory.Screening s = directory.screen(name);
        assertThat(s.matches()).isEmpty();
        assertThat(s.possibleMatches()).isEmpty();
    }

    @Test
    void screen_isComputedOncePerDistinctName() {
        assertThat(directory.screen("Hik Vision")).isSameAs(directory.screen("Hik Vision"));
    }
}
