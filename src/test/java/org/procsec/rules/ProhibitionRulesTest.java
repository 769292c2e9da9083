package org.procsec.rules;

import org.junit.jupiter.api.Test;
import org.procsec.RuleAssert;
import org.procsec.model.Assessment;
import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
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

/** POLICY section 5: prohibited vendors (5.1) and remote access in sensitive sectors (5.2). */
class ProhibitionRulesTest {
    private static final LocalDate IN_FORCE = LocalDate.of(2025, 6, 27);

    @Test
    void prohibitedSupplier_fromItsDate_5_1() {
        PurchaseRequest r = plain().withSupplier(org("Hangzhou Hikvision Digital Technology Co., Ltd.", "CN"));
        Assessment on = RuleAssert.run(r, IN_FORCE).assessment();
        assertThat(on.decision()).isEqualTo(Decision.REJECT);
        assertThat(on.prohibited()).isTrue();
        assertThat(on.hasFinding("PRH-5.1-prohibited-vendor")).isTrue();
        Assessment before = RuleAssert.run(r, IN_FORCE.minusDays(1)).assessment();
        assertThat(before.prohibited()).isFalse();
        assertThat(before.hasFinding("PRH-5.1-prohibited-vendor")).isFalse();
    }

    @Test
    void prohibitedManufacturer_behindReseller_byAliasAndNormalisedName_5_1() {
        for (String name : new String[] {"EZVIZ", "hikvision", "Hangzhou Hikvision Digital Technology Company Limited",
                "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD"}) {
            PurchaseRequest r = viaReseller(plain(), org(name, "CN"));
            Assessment a = RuleAssert.run(r, IN_FORCE).assessment();
            assertThat(a.prohibited()).as(name).isTrue();
            assertThat(a.decision()).as(name).isEqualTo(Decision.REJECT);
        }
        PurchaseRequest lookalike = viaReseller(plain(), org("Hikvision Canada Distribution", "CA"));
        assertThat(RuleAssert.run(lookalike, IN_FORCE).assessment().prohibited()).isFalse();
    }

    @Test
    void remoteAccess_inSensitivePurchase_rejectsUnlessFavourable_5_2() {
        PurchaseRequest item = withItem(sensitive(), item(Category.NETWORK_EQUIPMENT, Capability.REMOTE_ACCESS)
                .withConnectivity(sensitive().items().get(0).connectivity()));
        Assessment a = RuleAssert.run(item).assessment();
        assertThat(a.decision()).isEqualTo(Decision.REJECT);
        assertThat(a.prohibited()).isTrue();
        assertThat(a.hasFinding("PRH-5.2-remote-access-item")).isTrue();
        assertThat(RuleAssert.run(item.withCseReview(CseStatus.REQUESTED)).assessment().prohibited()).isTrue();
        Assessment favourable = RuleAssert.run(item.withCseReview(CseStatus.FAVOURABLE)).assessment();
        assertThat(favourable.prohibited()).isFalse();

        PurchaseRequest service = sensitive().withServices(Services.NONE.withRemoteAccess(true));
        assertThat(RuleAssert.run(service).assessment().hasFinding("PRH-5.2-remote-access-service")).isTrue();
        assertThat(RuleAssert.run(service.withCseReview(CseStatus.FAVOURABLE)).assessment().prohibited()).isFalse();
    }

    @Test
    void remoteAccess_outsideSensitiveSectors_isNotProhibited_5_2() {
        PurchaseRequest r = withItem(plain(), item(Category.COMPUTING, Capability.REMOTE_ACCESS))
                .withServices(Services.NONE.withRemoteAccess(true));
        Assessment a = RuleAssert.run(r).assessment();
        assertThat(a.prohibited()).isFalse();
        assertThat(a.decision()).isEqualTo(Decision.REFER); // 4.3 still asks for a review
    }
}
