package org.procsec.rules;

import org.junit.jupiter.api.Test;
import org.procsec.RuleAssert;
import org.procsec.RuleAssert.Run;
import org.procsec.model.Category;
import org.procsec.model.Connectivity;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Sector;
import org.procsec.model.SiteType;
import org.procsec.model.Zone;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.procsec.Requests.item;
import static org.procsec.Requests.plain;
import static org.procsec.Requests.withItem;
import static org.procsec.Requests.withSite;

/** POLICY section 2: each sector rule firing and not firing, with the in-force boundaries of 2.1 and 2.2. */
class ClassificationRulesTest {

    @Test
    void plainPurchase_isInNoSector() {
        Run run = RuleAssert.run(plain());
        assertThat(run.assessment().sensitiveSectors()).isEmpty();
        assertThat(run.fired()).noneMatch(id -> id.startsWith("SEC-"));
    }

    @Test
    void borderDetection_detectionItemAtBorderSite_fromInForceDate() {
        PurchaseRequest r = withSite(withItem(plain(), item(Category.TRACE_DETECTION)), SiteType.AIRPORT, Zone.PUBLIC);
        assertThat(RuleAssert.run(r, LocalDate.of(2020, 10, 1)).assessment().sensitiveSectors())
                .containsExactly(Sector.BORDER_DETECTION);
        Run dayBefore = RuleAssert.run(r, LocalDate.of(2020, 9, 30));
        assertThat(dayBefore.assessment().sensitiveSectors()).isEmpty();
        assertThat(dayBefore.firedRule("SEC-2.1-border-detection")).isFalse();
    }

    @Test
    void borderDetection_needsBothDetectionCategoryAndBorderSite() {
        PurchaseRequest xrayAtOffice = withSite(withItem(plain(), item(Category.XRAY_SCREENING)), SiteType.OFFICE,
                Zone.PUBLIC);
        PurchaseRequest radioAtPort = withSite(withItem(plain(), item(Category.OTHER)), SiteType.PORT_OF_ENTRY,
                Zone.PUBLIC);
        assertThat(RuleAssert.run(xrayAtOffice).assessment().sensitiveSectors()).isEmpty();
        assertThat(RuleAssert.run(radioAtPort).assessment().sensitiveSectors()).isEmpty();
        for (SiteType border : new SiteType[] {SiteType.PORT_OF_ENTRY, SiteType.CUSTOMS_WAREHOUSE,
                SiteType.AIR_CARGO_CENTRE, SiteType.AIRPORT}) {
            for (Category detection : new Category[] {Category.XRAY_SCREENING, Category.LARGE_SCALE_IMAGING,
                    Category.TRACE_DETECTION, Category.RADIATION_DETECTION}) {
                PurchaseRequest r = withSite(withItem(plain(), item(detection)), border, Zone.OPERATIONS);
                assertThat(RuleAssert.run(r).assessment().sensitiveSectors())
                        .as("%s at %s", detection, border).contains(Sector.BORDER_DETECTION);
            }
        }
    }

    @Test
    void missionSecurity_anyItemAtForeignMission_inAnyZone_fromInForceDate() {
        PurchaseRequest r = withSite(plain(), SiteType.FOREIGN_MISSION, Zone.PUBLIC);
        assertThat(RuleAssert.run(r, LocalDate.of(2020, 12, 1)).assessment().sensitiveSectors())
                .containsExactly(Sector.MISSION_SECURITY);
        assertThat(RuleAssert.run(r, LocalDate.of(2020, 11, 30)).assessment().sensitiveSectors()).isEmpty();
        assertThat(RuleAssert.run(withSite(plain(), SiteType.OFFICE, Zone.PUBLIC)).assessment().sensitiveSectors())
                .isEmpty();
    }

    @Test
    void publicSafetyCommunications_radioBoughtBySecurityDepartment() {
        PurchaseRequest radio = withItem(plain(), item(Category.RADIO)).withDepartment("RCMP");
        assertThat(RuleAssert.run(radio).assessment().sensitiveSectors())
                .containsExactly(Sector.PUBLIC_SAFETY_COMMUNICATIONS);
        PurchaseRequest infra = withItem(plain(), item(Category.RADIO_INFRASTRUCTURE)).withDepartment("pspc-isp");
        assertThat(RuleAssert.run(infra).assessment().sensitiveSectors())
                .as("department codes match regardless of case")
                .containsExactly(Sector.PUBLIC_SAFETY_COMMUNICATIONS);
    }

    @Test
    void publicSafetyCommunications_notForOtherDepartmentsOrCategories() {
        assertThat(RuleAssert.run(withItem(plain(), item(Category.RADIO)).withDepartment("ESDC"))
                .assessment().sensitiveSectors()).isEmpty();
        assertThat(RuleAssert.run(withItem(plain(), item(Category.COMPUTING)).withDepartment("RCMP"))
                .assessment().sensitiveSectors()).isEmpty();
    }

    @Test
    void facilitySurveillance_camerasOrAccessControlForAnySite() {
        assertThat(RuleAssert.run(withItem(plain(), item(Category.VIDEO_SURVEILLANCE))).assessment()
                .sensitiveSectors()).containsExactly(Sector.FACILITY_SURVEILLANCE);
        assertThat(RuleAssert.run(withItem(plain(), item(Category.ACCESS_CONTROL))).assessment()
                .sensitiveSectors()).containsExactly(Sector.FACILITY_SURVEILLANCE);
        assertThat(RuleAssert.run(withItem(plain(), item(Category.COMPUTING))).assessment()
                .sensitiveSectors()).isEmpty();
    }

    @Test
    void secureZone_anyItemInSecurityOrHighSecurityZone() {
        assertThat(RuleAssert.run(withSite(plain(), SiteType.OFFICE, Zone.SECURITY)).assessment()
                .sensitiveSectors()).containsExactly(Sector.SECURE_ZONE);
        assertThat(RuleAssert.run(withSite(plain(), SiteType.DATA_CENTRE, Zone.HIGH_SECURITY)).assessment()
                .sensitiveSectors()).containsExactly(Sector.SECURE_ZONE);
        assertThat(RuleAssert.run(withSite(plain(), SiteType.OFFICE, Zone.OPERATIONS)).assessment()
                .sensitiveSectors()).isEmpty();
    }

    @Test
    void gcNetwork_gcOrClassifiedConnectivity_butNotInternet() {
        for (Connectivity c : new Connectivity[] {Connectivity.GC_NETWORK, Connectivity.CLASSIFIED_NETWORK}) {
            PurchaseRequest r = withItem(plain(), item(Category.COMPUTING).withConnectivity(c));
            assertThat(RuleAssert.run(r).assessment().sensitiveSectors()).as("%s", c).containsExactly(Sector.GC_NETWORK);
        }
        PurchaseRequest internet = withItem(plain(), item(Category.COMPUTING).withConnectivity(Connectivity.INTERNET));
        assertThat(RuleAssert.run(internet).assessment().sensitiveSectors()).isEmpty();
    }

    @Test
    void severalSectors_areAllListed_sortedByName() {
        PurchaseRequest r = withSite(withItem(plain(), item(Category.VIDEO_SURVEILLANCE)
                .withConnectivity(Connectivity.GC_NETWORK)), SiteType.FOREIGN_MISSION, Zone.SECURITY);
        assertThat(RuleAssert.run(r).assessment().sensitiveSectors()).containsExactly(Sector.FACILITY_SURVEILLANCE,
                Sector.GC_NETWORK, Sector.MISSION_SECURITY, Sector.SECURE_ZONE);
    }

    @Test
    void everyItemIsAtEverySite_1_6() {
        PurchaseRequest r = plain().withItems(java.util.List.of(item(Category.OTHER), item(Category.XRAY_SCREENING)))
                .withSites(java.util.List.of(new org.procsec.model.Site(SiteType.OFFICE, Zone.PUBLIC, 3),
                        new org.procsec.model.Site(SiteType.AIRPORT, Zone.PUBLIC, 1)));
        assertThat(RuleAssert.run(r).assessment().sensitiveSectors()).containsExactly(Sector.BORDER_DETECTION);
    }
}
