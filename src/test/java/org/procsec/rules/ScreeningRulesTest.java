package org.procsec.rules;

import org.junit.jupiter.api.Test;
import org.procsec.RuleAssert;
import org.procsec.model.Assessment;
import org.procsec.model.Category;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.Finding;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.Outcome;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.SupplierRole;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.procsec.Requests.clearance;
import static org.procsec.Requests.item;
import static org.procsec.Requests.org;
import static org.procsec.Requests.plain;
import static org.procsec.Requests.viaReseller;

/** POLICY 1.4 (each organisation as stated) and 1.5 (possible matches, unscreenable names), edition 2026.2. */
class ScreeningRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    private static final String POSSIBLE = "PRH-1.5-possible-match";

    private static Assessment assess(PurchaseRequest r, LocalDate asOf) {
        return RuleAssert.run(r, asOf).assessment();
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    @Test
    void possibleMatch_supplier_refersNamingTheListedVendor_1_5b() {
        Assessment a = assess(plain().withSupplier(org("Hik Vision Inc.", "CA")), TODAY);
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        Finding f = finding(a, POSSIBLE);
        assertThat(f.clause()).isEqualTo("1.5");
        assertThat(f.outcome()).isEqualTo(Outcome.REFER);
        assertThat(f.message()).contains("Hangzhou Hikvision Digital Technology Co., Ltd.").contains("Hik Vision Inc.");
        assertThat(f.remedy()).startsWith("confirm the legal identity and corporate family of Hik Vision Inc.")
                .contains("Hangzhou Hikvision Digital Technology Co., Ltd.");
    }

    @Test
    void possibleMatch_makesNeitherAReviewNorAProhibition_1_5b() {
        Assessment a = assess(plain().withSupplier(org("Hangzhou Hikvision", "CA")), TODAY);
        assertThat(a.cseReviewRequired()).isFalse();
        assertThat(a.prohibited()).isFalse();
        assertThat(a.findings()).filteredOn(f -> f.outcome() == Outcome.REFER || f.outcome() == Outcome.REJECT)
                .extracting(Finding::ruleId).containsExactly(POSSIBLE);
    }

    @Test
    void possibleMatch_refersWhateverTheReviewStatus_1_5b() {
        PurchaseRequest cameras = plain().withSupplier(org("Hikvision Canada", "CA")
                        .withClearance(clearance(ClearanceLevel.FACILITY_SECRET)))
                .withItems(List.of(item(Category.VIDEO_SURVEILLANCE)));
        for (CseStatus status : CseStatus.values()) {
            Assessment a = assess(cameras.withCseReview(status), TODAY);
            assertThat(a.hasFinding(POSSIBLE)).as(status.name()).isTrue();
            assertThat(a.decision()).as(status.name()).isIn(Decision.REFER, Decision.REJECT);
        }
    }

    @Test
    void possibleMatch_ofAResellersManufacturer_1_4_1_5b() {
        Assessment a = assess(viaReseller(plain(), org("Nuc-tech", "CA")), TODAY);
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(finding(a, POSSIBLE).message()).startsWith("manufacturer Nuc-tech of items[0]")
                .contains("Nuctech Company Limited");
    }

    @Test
    void possibleMatch_onlyWhileTheVendorsEntryIsInForce_1_5b() {
        // Huawei is only on the US FCC Covered List, from 2021-03-12.
        PurchaseRequest r = plain().withSupplier(org("Huawei Canada", "CA"));
        assertThat(assess(r, LocalDate.of(2021, 3, 12)).hasFinding(POSSIBLE)).isTrue();
        Assessment before = assess(r, LocalDate.of(2021, 3, 11));
        assertThat(before.hasFinding(POSSIBLE)).isFalse();
        assertThat(before.decision()).isEqualTo(Decision.APPROVE);
        // Nuctech's state ownership entry has no date: a possible match refers on any date.
        assertThat(assess(plain().withSupplier(org("Nuc Tech", "CA")), LocalDate.of(2010, 1, 1)).hasFinding(POSSIBLE))
                .isTrue();
    }

    @Test
    void possibleMatch_ofASubsidiary_holdsFromItsDate_1_5c() {
        PurchaseRequest r = plain().withSupplier(org("Norsat Canada", "CA"));
        Assessment a = assess(r, TODAY);
        assertThat(finding(a, POSSIBLE).message()).contains("Hytera Communications Corporation Limited")
                .contains("subsidiary of");
        // Before Hytera was on the FCC list, no list of 4.2, 4.4 or 5.1 names it.
        assertThat(assess(r, LocalDate.of(2020, 1, 1)).hasFinding(POSSIBLE)).isFalse();
    }

    @Test
    void match_isNotAPossibleMatch_1_5a() {
        Assessment a = assess(plain().withSupplier(org("HIKVISION B.V.", "NL")), TODAY);
        assertThat(a.decision()).isEqualTo(Decision.REJECT);
        assertThat(a.prohibited()).isTrue();
        assertThat(a.hasFinding(POSSIBLE)).isFalse();
    }

    @Test
    void noMatch_noFinding_1_5() {
        Assessment a = RuleAssert.run(plain().withSupplier(org("Hikari Vision Systems", "CA"))).assessment();
        assertThat(a.decision()).isEqualTo(Decision.APPROVE);
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void nameOfLegalFormsOnly_cannotBeScreened_refers_1_5d() {
        Assessment a = assess(viaReseller(plain(), org("Co., Ltd.", "CA")), TODAY);
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(finding(a, "PRH-1.5-name-not-screenable").remedy()).contains("items[0].manufacturer");
        assertThat(assess(viaReseller(plain(), org("Maple Co., Ltd.", "CA")), TODAY)
                .hasFinding("PRH-1.5-name-not-screenable")).isFalse();
    }

    @Test
    void manufacturerWithTheSuppliersName_countsWithItsOwnData_1_4() {
        Organisation reseller = Organisation.of("Beta Optics Inc.", "CA", SupplierRole.RESELLER);
        Organisation maker = org("Beta Optics Co., Ltd.", "CN").withStateOwnership(60, null);
        PurchaseRequest r = plain().toBuilder().supplier(reseller)
                .items(List.of(item(Category.OTHER).withManufacturer(maker))).build();
        Assessment a = assess(r, TODAY);
        assertThat(a.cseReviewRequired()).isTrue();
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(finding(a, "CSE-4.2-state-controlled").message()).startsWith("manufacturer Beta Optics Co., Ltd.");
        // The same manufacturer stated with no ownership of its own: nothing to review.
        PurchaseRequest clean = plain().toBuilder().supplier(reseller)
                .items(List.of(item(Category.OTHER).withManufacturer(org("Beta Optics Inc.", "CA")))).build();
        assertThat(assess(clean, TODAY).decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void manufacturerStatedTwiceWithDifferentData_everyStatementCounts_inEitherOrder_1_4() {
        Item plainMaker = item(Category.OTHER).withManufacturer(org("Gamma Imaging Ltd.", "GB"));
        Item controlled = item(Category.OTHER).withManufacturer(org("Gamma Imaging Ltd.", "GB").withStateOwnership(0, "CN"));
        PurchaseRequest.Builder reseller = plain().toBuilder()
                .supplier(Organisation.of("Maple Resale Inc.", "CA", SupplierRole.RESELLER));
        Assessment first = assess(reseller.items(List.of(plainMaker, controlled)).build(), TODAY);
        Assessment second = assess(reseller.items(List.of(controlled, plainMaker)).build(), TODAY);
        assertThat(first.decision()).isEqualTo(Decision.REFER);
        assertThat(first.cseReviewRequired()).isTrue();
        assertThat(second.decision()).isEqualTo(first.decision());
        assertThat(second.cseReviewRequired()).isTrue();
    }

    @Test
    void identicalStatements_areOneParty_namingEveryItem_1_4() {
        Item a = item(Category.OTHER).withManufacturer(org("Hytera", "CN"));
        PurchaseRequest r = viaReseller(plain(), org("x", "CA")).withItems(List.of(a, a));
        Assessment assessment = assess(r, TODAY);
        assertThat(finding(assessment, "CSE-4.4-allied-restriction").message())
                .startsWith("manufacturer Hytera of items[0], items[1]");
        assertThat(assessment.findings()).filteredOn(f -> f.ruleId().equals("CSE-4.4-allied-restriction")).hasSize(1);
    }

    @Test
    void manufacturerWithoutClearance_countsAsNone_3_6_1_4() {
        // A reseller whose manufacturer maintains on site: the manufacturer's clearance is its own,
        // NONE when not given, even when the reseller is cleared and shares its name.
        Organisation reseller = Organisation.of("Delta Secure Inc.", "CA", SupplierRole.RESELLER)
                .withClearance(clearance(ClearanceLevel.FACILITY_SECRET));
        PurchaseRequest r = org.procsec.Requests.sensitive().toBuilder().supplier(reseller)
                .items(List.of(org.procsec.Requests.sensitive().items().get(0)
                        .withManufacturer(org("Delta Secure Inc.", "CA")))).build()
                .withServices(new org.procsec.model.Services(true, 2, org.procsec.model.Access.ESCORTED, false,
                        org.procsec.model.PerformedBy.MANUFACTURER));
        Assessment a = assess(r, TODAY);
        assertThat(a.hasFinding("CLR-3.7-clearance-pending")).isTrue();
        assertThat(finding(a, "CLR-3.7-clearance-pending").message()).startsWith("manufacturer Delta Secure Inc.");
    }
}
