package org.procsec.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.Requests;
import org.procsec.TestRules;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleSource;
import org.procsec.internal.engine.Evaluator;
import org.procsec.model.Assessment;
import org.procsec.model.Decision;
import org.procsec.model.Finding;
import org.procsec.model.Outcome;
import org.procsec.model.PurchaseRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.procsec.Requests.org;
import static org.procsec.Requests.plain;

/** POLICY section 8 and fail-closed (1.3): the decision never falls below what the findings require. */
class DecisionRulesTest {

    @Test
    void precedence_rejectOverReferOverConditions() {
        PurchaseRequest hikvision = plain().withSupplier(org("Hikvision", "CN"));
        Assessment a = org.procsec.RuleAssert.run(hikvision, LocalDate.of(2026, 1, 1)).assessment();
        assertThat(a.findings(Outcome.REFER)).isNotEmpty();
        assertThat(a.findings(Outcome.REJECT)).isNotEmpty();
        assertThat(a.decision()).isEqualTo(Decision.REJECT);
        assertThat(a.findings()).isSortedAccordingTo(Finding.ORDER);
    }

    @Test
    void decisionRulesMissing_givesReferWithADecFinding(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        String decision = Files.readString(rules.resolve("8-decision.drl"));
        Files.writeString(rules.resolve("8-decision.drl"), decision.substring(0, decision.indexOf("rule ")));
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        Assessment a = engine.assess(plain());
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.hasFinding(Evaluator.NO_DECISION)).isTrue();
    }

    @Test
    void decisionRuleThatAlwaysApproves_isOverruledByTheFindings(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        TestRules.edit(rules.resolve("8-decision.drl"),
                "not Finding(outcome == Outcome.REJECT || outcome == Outcome.REFER || outcome == Outcome.CONDITION)",
                "eval(true)");
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        PurchaseRequest hikvision = plain().withSupplier(org("Hikvision", "CN"));
        Assessment a = engine.assess(hikvision, LocalDate.of(2026, 1, 1));
        assertThat(a.decision()).isEqualTo(Decision.REJECT);
        assertThat(engine.assess(plain()).decision()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void ruleThatThrows_givesReferNeverApprove(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.bundledWith(tmp, "2-classification.drl",
                "\nrule \"SEC-2.6-crash a rule that fails at run time\"\nwhen\n    Purchase()\nthen\n"
                + "    throw new IllegalStateException(\"boom\");\nend\n");
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        Assessment a = engine.assess(Requests.plain());
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo(Evaluator.EVALUATION_ERROR);
            assertThat(f.message()).contains("boom");
        });
    }

    @Test
    void conditionsOnARejectedPurchase_areAnInconsistentResult(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        TestRules.edit(rules.resolve("6-conditions.drl"), "    not Finding(outcome == Outcome.REJECT)\nthen",
                "    eval(true)\nthen");
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        PurchaseRequest cameras = plain().withSupplier(org("Hikvision", "CN"))
                .withItems(java.util.List.of(Requests.item(org.procsec.model.Category.VIDEO_SURVEILLANCE,
                        org.procsec.model.Capability.FIRMWARE_UPDATE)));
        Assessment a = engine.assess(cameras, LocalDate.of(2026, 1, 1));
        assertThat(a.decision()).isEqualTo(Decision.REJECT);
        assertThat(a.hasFinding(Evaluator.INCONSISTENT_RESULT)).isTrue();
        // The bundled rules list none, and need no check to say so.
        Assessment bundled = org.procsec.RuleAssert.run(cameras, LocalDate.of(2026, 1, 1)).assessment();
        assertThat(bundled.conditions()).isEmpty();
        assertThat(bundled.hasFinding(Evaluator.INCONSISTENT_RESULT)).isFalse();
    }

    @Test
    void severalRequiredLevels_areAnInconsistentResult_theHighestIsReported(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        TestRules.edit(rules.resolve("3-clearance.drl"), "    not ClearanceRequirement(level.rank() > $level.rank())\n", "");
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        PurchaseRequest mission = Requests.withSite(plain(), org.procsec.model.SiteType.FOREIGN_MISSION,
                org.procsec.model.Zone.PUBLIC);
        Assessment a = engine.assess(mission);
        assertThat(a.hasFinding(Evaluator.INCONSISTENT_RESULT)).isTrue();
        assertThat(a.requiredClearance()).isEqualTo(org.procsec.model.ClearanceLevel.FACILITY_SECRET);
        assertThat(a.decision()).isIn(Decision.REFER, Decision.REJECT);
    }

    @Test
    void holdingRulesMissing_theHoldingFollowsTheDecision_neverKeep(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        String holdings = Files.readString(rules.resolve("7-holdings.drl"));
        Files.writeString(rules.resolve("7-holdings.drl"), holdings.substring(0, holdings.indexOf("rule ")));
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        Assessment a = engine.assess(plain(), LocalDate.of(2026, 11, 22));
        assertThat(a.hasFinding(Evaluator.INCONSISTENT_RESULT)).isTrue();
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.holding().action()).isEqualTo(org.procsec.model.HoldingAction.REVIEW_AT_RENEWAL);
    }
}
