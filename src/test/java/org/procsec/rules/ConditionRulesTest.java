package org.procsec.rules;

import org.junit.jupiter.api.Test;
import org.procsec.RuleAssert;
import org.procsec.model.Access;
import org.procsec.model.Assessment;
import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.ConditionType;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.Outcome;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.SiteType;
import org.procsec.model.Zone;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.procsec.Requests.clearance;
import static org.procsec.Requests.item;
import static org.procsec.Requests.org;
import static org.procsec.Requests.plain;
import static org.procsec.Requests.withItem;
import static org.procsec.Requests.withSite;

/** POLICY section 6: each condition listed and not listed, and the 30-day boundary of 6.3. */
class ConditionRulesTest {

    /** Sensitive (mission security), FACILITY_SECRET supplier, FAVOURABLE review: only conditions remain. */
    private static PurchaseRequest mission(Capability... capabilities) {
        return withItem(withSite(plain(), SiteType.FOREIGN_MISSION, Zone.PUBLIC), item(Category.XRAY_SCREENING,
                capabilities))
                .withSupplier(plain().supplier().withClearance(clearance(ClearanceLevel.FACILITY_SECRET)))
                .withCseReview(CseStatus.FAVOURABLE).withDataRetentionDays(30);
    }

    @Test
    void noCapabilities_noServices_noConditions() {
        Assessment a = RuleAssert.run(mission()).assessment();
        assertThat(a.conditions()).isEmpty();
        assertThat(a.decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void escortedAccess_whenSupplierBelowSecretMaintainsOnSite_6_1() {
        PurchaseRequest maintained = mission().withServices(Services.NONE.withOnSiteMaintenance(true)
                .withAccess(Access.ESCORTED));
        assertThat(RuleAssert.run(maintained).assessment().conditions()).isEmpty();
        PurchaseRequest dos = withSite(maintained, SiteType.PORT_OF_ENTRY, Zone.PUBLIC)
                .withSupplier(plain().supplier().withClearance(clearance(ClearanceLevel.DESIGNATED_ORGANIZATION)));
        Assessment a = RuleAssert.run(dos).assessment();
        assertThat(a.conditions()).containsExactly(ConditionType.ESCORTED_ACCESS);
        assertThat(a.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        PurchaseRequest noMaintenance = dos.withServices(Services.NONE);
        assertThat(RuleAssert.run(noMaintenance).assessment().conditions()).isEmpty();
    }

    @Test
    void noNetworkConnection_onlyForStandaloneItemsWithNetworkInterface_6_2() {
        assertThat(RuleAssert.run(mission(Capability.NETWORK_INTERFACE)).assessment().conditions())
                .containsExactly(ConditionType.NO_NETWORK_CONNECTION);
        PurchaseRequest connected = mission(Capability.NETWORK_INTERFACE);
        connected = connected.withItems(connected.items().stream()
                .map(i -> i.withConnectivity(org.procsec.model.Connectivity.GC_NETWORK)).toList());
        assertThat(RuleAssert.run(connected).assessment().conditions())
                .doesNotContain(ConditionType.NO_NETWORK_CONNECTION);
        assertThat(RuleAssert.run(withItem(plain(), item(Category.OTHER, Capability.NETWORK_INTERFACE)))
                .assessment().conditions()).as("not a sensitive-sector purchase").isEmpty();
    }

    @Test
    void dataRetentionLimit_listedForCaptureOrStorage_6_3() {
        for (Capability c : new Capability[] {Capability.IMAGE_CAPTURE, Capability.AUDIO_CAPTURE,
                Capability.LOCAL_STORAGE}) {
            assertThat(RuleAssert.run(mission(c)).assessment().conditions()).as("%s", c)
                    .contains(ConditionType.DATA_RETENTION_LIMIT);
        }
        assertThat(RuleAssert.run(mission(Capability.WIRELESS)).assessment().conditions())
                .doesNotContain(ConditionType.DATA_RETENTION_LIMIT);
    }

    @Test
    void dataRetention_missingRefers_aboveThirtyIsACondition_thirtyIsFine_6_3() {
        Assessment at30 = RuleAssert.run(mission(Capability.IMAGE_CAPTURE)).assessment();
        assertThat(at30.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        assertThat(at30.hasFinding("CND-6.3-retention-too-long")).isFalse();

        Assessment at31 = RuleAssert.run(mission(Capability.IMAGE_CAPTURE).withDataRetentionDays(31)).assessment();
        assertThat(at31.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        assertThat(at31.findings(Outcome.CONDITION)).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("CND-6.3-retention-too-long");
            assertThat(f.message()).contains("31").contains("must change");
        });

        Assessment missing = RuleAssert.run(mission(Capability.IMAGE_CAPTURE).withDataRetentionDays(null)).assessment();
        assertThat(missing.decision()).isEqualTo(Decision.REFER);
        assertThat(missing.conditions()).as("the condition is always listed").contains(ConditionType.DATA_RETENTION_LIMIT);
        assertThat(missing.findings(Outcome.REFER)).singleElement()
                .satisfies(f -> assertThat(f.remedy()).isEqualTo("state dataRetentionDays"));
    }

    @Test
    void mediaStaysOnSite_forLocalStorage_6_4_andFirmwareByDepartment_6_5() {
        assertThat(RuleAssert.run(mission(Capability.LOCAL_STORAGE)).assessment().conditions())
                .containsExactly(ConditionType.DATA_RETENTION_LIMIT, ConditionType.MEDIA_STAYS_ON_SITE);
        assertThat(RuleAssert.run(mission(Capability.FIRMWARE_UPDATE)).assessment().conditions())
                .containsExactly(ConditionType.FIRMWARE_BY_DEPARTMENT);
        assertThat(RuleAssert.run(mission(Capability.IMAGE_CAPTURE)).assessment().conditions())
                .doesNotContain(ConditionType.MEDIA_STAYS_ON_SITE, ConditionType.FIRMWARE_BY_DEPARTMENT);
    }

    @Test
    void conditions_areListedWhenReferred_butNotWhenRejected() {
        PurchaseRequest referred = mission(Capability.LOCAL_STORAGE).withCseReview(CseStatus.NOT_REQUESTED);
        Assessment a = RuleAssert.run(referred).assessment();
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.conditions()).containsExactly(ConditionType.DATA_RETENTION_LIMIT, ConditionType.MEDIA_STAYS_ON_SITE);

        PurchaseRequest rejected = referred.withSupplier(org("Hikvision", "CN"));
        Assessment r = RuleAssert.run(rejected, LocalDate.of(2026, 1, 1)).assessment();
        assertThat(r.decision()).isEqualTo(Decision.REJECT);
        assertThat(r.conditions()).isEmpty();
        assertThat(r.findings(Outcome.CONDITION)).isEmpty();
    }
}
