package org.procsec.rules;

import org.junit.jupiter.api.Test;
import org.procsec.RuleAssert;
import org.procsec.RuleAssert.Run;
import org.procsec.model.Access;
import org.procsec.model.Assessment;
import org.procsec.model.Category;
import org.procsec.model.Clearance;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.Connectivity;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.Organisation;
import org.procsec.model.Outcome;
import org.procsec.model.PerformedBy;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.SiteType;
import org.procsec.model.Zone;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.procsec.Requests.AWARD;
import static org.procsec.Requests.clearance;
import static org.procsec.Requests.item;
import static org.procsec.Requests.org;
import static org.procsec.Requests.plain;
import static org.procsec.Requests.sensitive;
import static org.procsec.Requests.viaReseller;
import static org.procsec.Requests.withItem;
import static org.procsec.Requests.withSite;

/** POLICY section 3: required level, held level (3.5), manufacturers (3.6) and uncleared organisations (3.7). */
class ClearanceRulesTest {

    private static PurchaseRequest supplierHolds(PurchaseRequest r, ClearanceLevel level) {
        return r.withSupplier(r.supplier().withClearance(clearance(level)));
    }

    @Test
    void nothingRequired_outsideSensitiveSectors() {
        Run run = RuleAssert.run(plain());
        assertThat(run.assessment().requiredClearance()).isEqualTo(ClearanceLevel.NONE);
        assertThat(run.fired()).doesNotContain("CLR-3.1-sensitive-sector", "CLR-3-required-level");
    }

    @Test
    void sensitiveSector_requiresDesignatedOrganization_3_1() {
        Run run = RuleAssert.run(sensitive());
        assertThat(run.assessment().requiredClearance()).isEqualTo(ClearanceLevel.DESIGNATED_ORGANIZATION);
        assertThat(run.assessment().heldClearance()).isEqualTo(ClearanceLevel.DESIGNATED_ORGANIZATION);
        assertThat(run.assessment().decision()).isEqualTo(Decision.REFER); // 4.3: GC network needs a review
        assertThat(run.assessment().findings()).noneMatch(f -> f.ruleId().startsWith("CLR-3.7"));
    }

    @Test
    void missionSecurity_requiresFacilitySecret_3_2() {
        PurchaseRequest r = supplierHolds(withSite(plain(), SiteType.FOREIGN_MISSION, Zone.PUBLIC),
                ClearanceLevel.DESIGNATED_ORGANIZATION);
        Assessment a = RuleAssert.run(r).assessment();
        assertThat(a.requiredClearance()).isEqualTo(ClearanceLevel.FACILITY_SECRET);
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.findings(Outcome.REFER)).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("CLR-3.7-clearance-pending");
            assertThat(f.message()).contains("FACILITY_SECRET required by 3.2");
            assertThat(f.remedy()).contains("obtain FACILITY_SECRET");
        });
        assertThat(RuleAssert.run(supplierHolds(r, ClearanceLevel.FACILITY_SECRET)).assessment().decision())
                .isEqualTo(Decision.APPROVE);
    }

    @Test
    void highSecurityZone_andClassifiedNetwork_requireTopSecret_securityZone_requiresSecret_3_3() {
        assertThat(RuleAssert.run(withSite(plain(), SiteType.OFFICE, Zone.HIGH_SECURITY)).assessment()
                .requiredClearance()).isEqualTo(ClearanceLevel.FACILITY_TOP_SECRET);
        assertThat(RuleAssert.run(withItem(plain(), item(Category.COMPUTING)
                .withConnectivity(Connectivity.CLASSIFIED_NETWORK))).assessment().requiredClearance())
                .isEqualTo(ClearanceLevel.FACILITY_TOP_SECRET);
        assertThat(RuleAssert.run(withSite(plain(), SiteType.OFFICE, Zone.SECURITY)).assessment()
                .requiredClearance()).isEqualTo(ClearanceLevel.FACILITY_SECRET);
        Run operations = RuleAssert.run(withSite(plain(), SiteType.OFFICE, Zone.OPERATIONS));
        assertThat(operations.fired()).noneMatch(id -> id.startsWith("CLR-3.3"));
    }

    @Test
    void unescortedAccess_inSensitiveSector_requiresSecret_3_4() {
        PurchaseRequest escorted = sensitive().withServices(Services.NONE.withOnSiteMaintenance(true)
                .withAccess(Access.ESCORTED));
        assertThat(RuleAssert.run(escorted).assessment().requiredClearance())
                .isEqualTo(ClearanceLevel.DESIGNATED_ORGANIZATION);
        PurchaseRequest unescorted = escorted.withServices(escorted.services().withAccess(Access.UNESCORTED));
        assertThat(RuleAssert.run(unescorted).assessment().requiredClearance())
                .isEqualTo(ClearanceLevel.FACILITY_SECRET);
        PurchaseRequest notSensitive = plain().withServices(escorted.services().withAccess(Access.UNESCORTED));
        assertThat(RuleAssert.run(notSensitive).assessment().requiredClearance()).isEqualTo(ClearanceLevel.NONE);
    }

    @Test
    void requiredLevel_isTheHighest_andCitesEveryClauseAskingForIt() {
        PurchaseRequest r = withSite(sensitive(), SiteType.FOREIGN_MISSION, Zone.PUBLIC)
                .withServices(Services.NONE.withOnSiteMaintenance(true).withAccess(Access.UNESCORTED));
        Assessment a = RuleAssert.run(r).assessment();
        assertThat(a.requiredClearance()).isEqualTo(ClearanceLevel.FACILITY_SECRET);
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("CLR-3.7-clearance-pending"))
                .singleElement().satisfies(f -> assertThat(f.message()).endsWith("FACILITY_SECRET required by 3.2, 3.4"));
    }

    @Test
    void clearanceCounts_throughItsExpiryDay_3_5() {
        LocalDate expires = AWARD;
        PurchaseRequest r = sensitive().withSupplier(sensitive().supplier()
                .withClearance(new Clearance(ClearanceLevel.DESIGNATED_ORGANIZATION, expires)));
        assertThat(RuleAssert.run(r, expires).assessment().heldClearance())
                .isEqualTo(ClearanceLevel.DESIGNATED_ORGANIZATION);
        Run dayAfter = RuleAssert.run(r, expires.plusDays(1));
        assertThat(dayAfter.assessment().heldClearance()).isEqualTo(ClearanceLevel.NONE);
        assertThat(dayAfter.assessment().hasFinding("CLR-3.5-clearance-expired")).isTrue();
        assertThat(dayAfter.assessment().hasFinding("CLR-3.7-clearance-pending")).isTrue();
    }

    @Test
    void manufacturerDoingOnSiteMaintenanceForReseller_mustMeetTheLevel_3_6() {
        Organisation maker = org("Bavaria Imaging GmbH", "DE");
        PurchaseRequest base = viaReseller(sensitive(), maker);
        PurchaseRequest bySupplier = base.withServices(Services.NONE.withOnSiteMaintenance(true)
                .withAccess(Access.ESCORTED));
        Run supplierDoesIt = RuleAssert.run(bySupplier.withCseReview(CseStatus.FAVOURABLE));
        assertThat(supplierDoesIt.fired()).doesNotContain("CLR-3.6-manufacturer-maintains");
        assertThat(supplierDoesIt.assessment().hasFinding("CLR-3.7-clearance-pending")).isFalse();

        PurchaseRequest byMaker = bySupplier.withServices(bySupplier.services().withPerformedBy(PerformedBy.MANUFACTURER))
                .withCseReview(CseStatus.FAVOURABLE);
        Assessment a = RuleAssert.run(byMaker).assessment();
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.findings(Outcome.REFER)).anySatisfy(f ->
                assertThat(f.message()).startsWith("manufacturer Bavaria Imaging GmbH of items[0] holds NONE"));

        PurchaseRequest makerCleared = byMaker.withItems(byMaker.items().stream()
                .map(i -> i.withManufacturer(maker.withClearance(clearance(ClearanceLevel.DESIGNATED_ORGANIZATION))))
                .toList());
        assertThat(RuleAssert.run(makerCleared).assessment().hasFinding("CLR-3.7-clearance-pending")).isFalse();
    }

    @Test
    void manufacturerFromCountryWithoutInstrument_underThreeSix_rejects_3_7() {
        PurchaseRequest r = viaReseller(sensitive(), org("Shenzhen Example Electronics Co., Ltd.", "CN"))
                .withServices(Services.NONE.withOnSiteMaintenance(true).withAccess(Access.ESCORTED)
                        .withPerformedBy(PerformedBy.MANUFACTURER));
        Assessment a = RuleAssert.run(r).assessment();
        assertThat(a.decision()).isEqualTo(Decision.REJECT);
        assertThat(a.findings(Outcome.REJECT)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CLR-3.7-unclearable-country");
            assertThat(f.clause()).isEqualTo("3.7");
        });
    }

    @Test
    void supplierWithoutLevel_rejectedWhenCountryHasNoInstrument_referredOtherwise_3_7() {
        PurchaseRequest cn = supplierHolds(sensitive(), ClearanceLevel.NONE)
                .withSupplier(org("Example Trading Ltd.", "CN"));
        assertThat(RuleAssert.run(cn).assessment().decision()).isEqualTo(Decision.REJECT);
        for (String clearable : new String[] {"CA", "US", "DE", "GB"}) {
            PurchaseRequest r = sensitive().withSupplier(org("Example Trading Ltd.", clearable));
            Assessment a = RuleAssert.run(r).assessment();
            assertThat(a.decision()).as(clearable).isEqualTo(Decision.REFER);
            assertThat(a.hasFinding("CLR-3.7-clearance-pending")).as(clearable).isTrue();
            assertThat(a.hasFinding("CLR-3.7-unclearable-country")).as(clearable).isFalse();
        }
    }

    @Test
    void clearanceClaimedByUnclearableOrganisation_isReferredAsContradictory() {
        PurchaseRequest r = sensitive().withSupplier(org("Example Trading Ltd.", "RU")
                .withClearance(clearance(ClearanceLevel.FACILITY_SECRET))).withCseReview(CseStatus.FAVOURABLE);
        Assessment a = RuleAssert.run(r).assessment();
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.hasFinding("CLR-3.7-clearance-claim-contradicts-country")).isTrue();
        PurchaseRequest notRequired = plain().withSupplier(r.supplier());
        assertThat(RuleAssert.run(notRequired).assessment().decision()).isEqualTo(Decision.APPROVE);
    }
}
