package org.procsec.rules;

import org.junit.jupiter.api.Test;
import org.procsec.RuleAssert;
import org.procsec.RuleAssert.Run;
import org.procsec.model.Assessment;
import org.procsec.model.Decision;
import org.procsec.model.HoldingAction;
import org.procsec.model.Outcome;
import org.procsec.model.PurchaseRequest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.procsec.Requests.org;
import static org.procsec.Requests.plain;

/** POLICY section 7: portfolio reviews report on holdings without changing the decision. */
class HoldingsRulesTest {
    private static final LocalDate AWARD = LocalDate.of(2018, 6, 1);

    private static PurchaseRequest bought(PurchaseRequest r) {
        return r.withAwardDate(AWARD);
    }

    @Test
    void notAPortfolioReview_hasNoHolding_andNoLcyRuleFires() {
        Run run = RuleAssert.run(bought(plain()));
        assertThat(run.assessment().holding()).isNull();
        assertThat(run.fired()).noneMatch(id -> id.startsWith("LCY-"));
    }

    @Test
    void rejectedToday_isReportedForReplacement_7_1() {
        PurchaseRequest hikvision = bought(plain().withSupplier(org("Hikvision", "CN")));
        Run run = RuleAssert.run(hikvision, LocalDate.of(2025, 7, 1));
        assertThat(run.assessment().decision()).isEqualTo(Decision.REJECT);
        assertThat(run.assessment().holding().action()).isEqualTo(HoldingAction.REPLACE);
        assertThat(run.assessment().hasFinding("LCY-7.1-replace")).isTrue();
    }

    @Test
    void referredToday_isReviewedAtRenewal_andTheDecisionIsUnchanged_7_1() {
        PurchaseRequest huawei = bought(plain().withSupplier(org("Huawei", "CN")));
        LocalDate today = LocalDate.of(2022, 1, 1);
        Assessment review = RuleAssert.run(huawei, today).assessment();
        assertThat(review.decision()).isEqualTo(Decision.REFER);
        assertThat(review.holding().action()).isEqualTo(HoldingAction.REVIEW_AT_RENEWAL);
        assertThat(review.findings()).filteredOn(f -> f.ruleId().startsWith("LCY-"))
                .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.INFO));
        Assessment asNew = RuleAssert.run(huawei.withAwardDate(today)).assessment();
        assertThat(asNew.decision()).isEqualTo(review.decision());
    }

    @Test
    void approvedToday_isKept_7_1() {
        Assessment a = RuleAssert.run(bought(plain()), LocalDate.of(2020, 1, 1)).assessment();
        assertThat(a.holding().action()).isEqualTo(HoldingAction.KEEP);
        assertThat(a.holding().pastServiceLife()).isFalse();
        assertThat(a.findings()).noneMatch(f -> f.ruleId().startsWith("LCY-"));
    }

    @Test
    void serviceLife_endsOnTheEighthAnniversary_whateverTheDecision_7_2() {
        PurchaseRequest r = bought(plain());
        Assessment dayBefore = RuleAssert.run(r, AWARD.plusYears(8).minusDays(1)).assessment();
        assertThat(dayBefore.holding().pastServiceLife()).isFalse();
        assertThat(dayBefore.holding().serviceLifeEnds()).isEqualTo(AWARD.plusYears(8));
        Assessment onTheDay = RuleAssert.run(r, AWARD.plusYears(8)).assessment();
        assertThat(onTheDay.holding().pastServiceLife()).isTrue();
        assertThat(onTheDay.decision()).isEqualTo(Decision.APPROVE);
        assertThat(onTheDay.hasFinding("LCY-7.2-past-service-life")).isTrue();
    }
}
