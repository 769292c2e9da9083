package org.procsec.rules;

import org.junit.jupiter.api.Test;
import org.procsec.RuleAssert;
import org.procsec.RuleAssert.Run;
import org.procsec.model.Assessment;
import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Connectivity;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.Outcome;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.procsec.Requests.item;
import static org.procsec.Requests.org;
import static org.procsec.Requests.plain;
import static org.procsec.Requests.sensitive;
import static org.procsec.Requests.viaReseller;
import static org.procsec.Requests.withItem;

/** POLICY section 4: each trigger firing and not firing, and the review status (4.5). */
class CseReviewRulesTest {

    /** A sensitive purchase (secure zone) with no other trigger, held clearance meeting the requirement. */
    private static PurchaseRequest sensitiveStandalone() {
        return org.procsec.Requests.withSite(plain(), org.procsec.model.SiteType.OFFICE,
                        org.procsec.model.Zone.SECURITY)
                .withSupplier(plain().supplier().withClearance(
                        org.procsec.Requests.clearance(org.procsec.model.ClearanceLevel.FACILITY_SECRET)));
    }

    @Test
    void plainPurchase_needsNoReview() {
        Assessment a = RuleAssert.run(plain()).assessment();
        assertThat(a.cseReviewRequired()).isFalse();
        assertThat(a.decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void dataCapability_inSensitivePurchase_triggers_evenStandalone_4_1() {
        assertThat(RuleAssert.run(sensitiveStandalone()).assessment().cseReviewRequired()).isFalse();
        for (Capability c : Capability.values()) {
            PurchaseRequest r = withItem(sensitiveStandalone(), item(Category.OTHER, c));
            Run run = RuleAssert.run(r);
            assertThat(run.assessment().cseReviewRequired()).as("%s", c).isTrue();
            assertThat(run.assessment().hasFinding("CSE-4.1-data-capture")).as("%s", c).isTrue();
        }
        PurchaseRequest notSensitive = withItem(plain(), item(Category.OTHER, Capability.IMAGE_CAPTURE));
        assertThat(RuleAssert.run(notSensitive).assessment().cseReviewRequired()).isFalse();
    }

    @Test
    void stateOwnership_atOrAboveThreshold_byForeignState_4_2() {
        PurchaseRequest at25 = plain().withSupplier(plain().supplier().withCountry("CN").withStateOwnership(25, null));
        PurchaseRequest below = plain().withSupplier(plain().supplier().withCountry("CN").withStateOwnership(24.9, null));
        assertThat(RuleAssert.run(at25).assessment().hasFinding("CSE-4.2-state-controlled")).isTrue();
        assertThat(RuleAssert.run(below).assessment().cseReviewRequired()).isFalse();
    }

    @Test
    void controllingState_given_triggers_unlessCanada_4_2() {
        PurchaseRequest controlled = plain().withSupplier(plain().supplier().withStateOwnership(0, "RU"));
        assertThat(RuleAssert.run(controlled).assessment().cseReviewRequired()).isTrue();
        PurchaseRequest canadianCrownCorp = plain().withSupplier(plain().supplier().withStateOwnership(100, null));
        assertThat(RuleAssert.run(canadianCrownCorp).assessment().cseReviewRequired()).isFalse();
        PurchaseRequest controlledByCanada = plain().withSupplier(plain().supplier().withCountry("FR")
                .withStateOwnership(60, "CA"));
        assertThat(RuleAssert.run(controlledByCanada).assessment().cseReviewRequired()).isFalse();
    }

    @Test
    void stateControl_fromReferenceData_andForManufacturersBehindReseller_4_2() {
        PurchaseRequest nuctech = plain().withSupplier(org("NUCTECH company limited", "CN"));
        Assessment a = RuleAssert.run(nuctech).assessment();
        assertThat(a.hasFinding("CSE-4.2-state-controlled-listed")).isTrue();
        PurchaseRequest behindReseller = viaReseller(plain(), org("Hikvision", "CN"));
        assertThat(RuleAssert.run(behindReseller, LocalDate.of(2020, 1, 1)).assessment()
                .hasFinding("CSE-4.2-state-controlled-listed")).isTrue();
    }

    @Test
    void networkConnectivity_orRemoteAccess_triggersInAnyPurchase_4_3() {
        for (Connectivity c : new Connectivity[] {Connectivity.GC_NETWORK, Connectivity.CLASSIFIED_NETWORK,
                Connectivity.INTERNET}) {
            PurchaseRequest r = withItem(plain(), item(Category.COMPUTING).withConnectivity(c));
            assertThat(RuleAssert.run(r).assessment().hasFinding("CSE-4.3-network-connection")).as("%s", c).isTrue();
        }
        assertThat(RuleAssert.run(withItem(plain(), item(Category.OTHER, Capability.REMOTE_ACCESS))).assessment()
                .hasFinding("CSE-4.3-remote-access-capability")).isTrue();
        assertThat(RuleAssert.run(plain().withServices(Services.NONE.withRemoteAccess(true))).assessment()
                .hasFinding("CSE-4.3-remote-access-service")).isTrue();
        assertThat(RuleAssert.run(withItem(plain(), item(Category.OTHER, Capability.WIRELESS))).assessment()
                .cseReviewRequired()).isFalse();
    }

    @Test
    void alliedRestriction_fromListingDate_4_4() {
        PurchaseRequest huawei = plain().withSupplier(org("Huawei Technologies Co., Ltd.", "CN"));
        assertThat(RuleAssert.run(huawei, LocalDate.of(2021, 3, 12)).assessment()
                .hasFinding("CSE-4.4-allied-restriction")).isTrue();
        assertThat(RuleAssert.run(huawei, LocalDate.of(2021, 3, 11)).assessment().cseReviewRequired()).isFalse();
    }

    @Test
    void alliedRestriction_reachesSubsidiaryFromBothDates_1_5() {
        PurchaseRequest norsat = plain().withSupplier(org("Norsat International Inc.", "CA"));
        Run run = RuleAssert.run(norsat, LocalDate.of(2022, 1, 1));
        assertThat(run.assessment().findings()).filteredOn(f -> f.ruleId().equals("CSE-4.4-allied-restriction"))
                .singleElement().satisfies(f ->
                        assertThat(f.message()).contains("subsidiary of Hytera Communications Corporation Limited"));
        assertThat(RuleAssert.run(norsat, LocalDate.of(2021, 1, 1)).assessment().cseReviewRequired()).isFalse();
    }

    @Test
    void favourableReview_satisfiesTriggers_requestedOrNotRequested_refer_4_5() {
        PurchaseRequest triggered = withItem(plain(), item(Category.COMPUTING).withConnectivity(Connectivity.INTERNET));
        Assessment notRequested = RuleAssert.run(triggered).assessment();
        assertThat(notRequested.decision()).isEqualTo(Decision.REFER);
        assertThat(notRequested.findings(Outcome.REFER)).singleElement()
                .satisfies(f -> assertThat(f.remedy()).isEqualTo("request a CSE supply-chain integrity review"));
        Assessment requested = RuleAssert.run(triggered.withCseReview(CseStatus.REQUESTED)).assessment();
        assertThat(requested.decision()).isEqualTo(Decision.REFER);
        assertThat(requested.findings(Outcome.REFER)).singleElement()
                .satisfies(f -> assertThat(f.remedy()).contains("await"));
        Assessment favourable = RuleAssert.run(triggered.withCseReview(CseStatus.FAVOURABLE)).assessment();
        assertThat(favourable.decision()).isEqualTo(Decision.APPROVE);
        assertThat(favourable.cseReviewRequired()).isTrue();
    }

    @Test
    void unfavourableReview_rejects_withOrWithoutTrigger_4_5() {
        Assessment a = RuleAssert.run(plain().withCseReview(CseStatus.UNFAVOURABLE)).assessment();
        assertThat(a.decision()).isEqualTo(Decision.REJECT);
        assertThat(a.hasFinding("CSE-4.5-unfavourable-review")).isTrue();
        assertThat(a.cseReviewRequired()).isFalse();
        assertThat(a.prohibited()).isFalse();
        assertThat(RuleAssert.run(sensitive().withCseReview(CseStatus.UNFAVOURABLE)).assessment().decision())
                .isEqualTo(Decision.REJECT);
    }
}
