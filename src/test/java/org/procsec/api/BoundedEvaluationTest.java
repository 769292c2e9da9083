package org.procsec.api;

import org.procsec.ruleset.RuleSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.RuleDirs;
import org.procsec.TestEngines;
import org.procsec.internal.engine.Evaluator;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.Decision;
import org.procsec.model.Finding;
import org.procsec.model.PurchaseRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded evaluation: rule sets that loop, crash or dawdle give REFER (or REJECT) with a DEC-1.3
 * finding naming the limit, never a hang and never an APPROVE. Each rule set is a copy of the
 * bundled rules plus one misbehaving DRL file, in a temporary rule directory.
 */
class BoundedEvaluationTest {
    private static List<PurchaseRequest> examples;

    @BeforeAll
    static void readExamples() throws Exception {
        examples = List.of(
                RequestJson.parse(Files.readString(Path.of("examples/esdc-office-chairs.json"))),      // APPROVE
                RequestJson.parse(Files.readString(Path.of("examples/gac-cleared-supplier.json"))),
                RequestJson.parse(Files.readString(Path.of("examples/pspc-hikvision-cameras.json"))));
    }

    @Test
    void assess_bundledRules_noDecFinding_andTheChairsAreApproved() {
        Assessment chairs = TestEngines.bundled().assess(examples.get(0));
        assertThat(chairs.decision()).isEqualTo(Decision.APPROVE);
        for (PurchaseRequest r : examples) {
            assertThat(TestEngines.bundled().assess(r).findings()).extracting(Finding::ruleId)
                    .noneMatch(id -> id.startsWith("DEC-1.3-"));
        }
    }

    @Test
    @Timeout(60)
    void assess_reinsertLoop_defaultCap_refersWithTheFiringLimit(@TempDir Path dir) throws Exception {
        // A budget long enough that the cap, not the clock, stops it.
        Assessment a = engine(dir, RuleDirs.REINSERT_LOOP, null, Duration.ofSeconds(50)).assess(examples.get(0));

        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(finding(a, Evaluator.FIRING_LIMIT).message())
                .contains("cap of " + PolicyEngine.DEFAULT_MAX_FIRINGS + " rule firings");
        assertThat(finding(a, Evaluator.FIRING_LIMIT).clause()).isEqualTo("1.3");
        assertThat(a.hasFinding(Evaluator.TIME_BUDGET)).isFalse();
    }

    @Test
    @Timeout(60)
    void assess_reinsertLoop_defaults_refersWithinTheDefaultBudget(@TempDir Path dir) throws Exception {
        PolicyEngine engine = engine(dir, RuleDirs.REINSERT_LOOP, null, null);
        long start = System.nanoTime();
        Assessment a = engine.assess(examples.get(0));
        long ms = (System.nanoTime() - start) / 1_000_000;

        // Whichever limit comes first (on a slow machine the 5 s budget may beat the 100,000 firings).
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.findings()).extracting(Finding::ruleId)
                .containsAnyOf(Evaluator.FIRING_LIMIT, Evaluator.TIME_BUDGET);
        assertThat(ms).as("ms until stopped").isLessThan(PolicyEngine.DEFAULT_TIME_BUDGET.toMillis() + 5_000);
    }

    @Test
    @Timeout(60)
    void assess_loopingRules_neverApprove_everyExample(@TempDir Path dir) throws Exception {
        PolicyEngine reinsert = engine(dir.resolve("a"), RuleDirs.REINSERT_LOOP, 2_000, null);
        PolicyEngine growing = engine(dir.resolve("b"), RuleDirs.GROWING_LOOP, 2_000, null);
        for (PolicyEngine engine : List.of(reinsert, growing)) {
            for (PurchaseRequest r : examples) {
                Assessment a = engine.assess(r);
                assertThat(a.decision()).as("%s", r.id()).isIn(Decision.REFER, Decision.REJECT);
                assertThat(finding(a, Evaluator.FIRING_LIMIT).message()).contains("cap of 2000 rule firings");
            }
        }
    }

    @Test
    @Timeout(60)
    void assess_growingLoop_defaultCap_refersWithTheFiringLimit(@TempDir Path dir) throws Exception {
        Assessment a = engine(dir, RuleDirs.GROWING_LOOP, null, null).assess(examples.get(0));
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.hasFinding(Evaluator.FIRING_LIMIT)).isTrue();
    }

    @Test
    void assess_throwingRule_refersWithTheEvaluationError(@TempDir Path dir) throws Exception {
        PolicyEngine engine = engine(dir, RuleDirs.CRASH, null, null);
        for (PurchaseRequest r : examples) {
            Assessment a = engine.assess(r);
            assertThat(a.decision()).as("%s", r.id()).isEqualTo(Decision.REFER);
            assertThat(finding(a, Evaluator.EVALUATION_ERROR).message())
                    .contains("IllegalStateException: rule crashed on purpose");
        }
    }

    @Test
    @Timeout(30)
    void assess_slowLoop_smallBudget_refersWithTheTimeBudget(@TempDir Path dir) throws Exception {
        PolicyEngine engine = engine(dir, RuleDirs.SLOW_LOOP, null, Duration.ofMillis(100));
        long start = System.nanoTime();
        Assessment a = engine.assess(examples.get(0));
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(finding(a, Evaluator.TIME_BUDGET).message()).contains("time budget of 100 ms");
        assertThat(a.hasFinding(Evaluator.FIRING_LIMIT)).isFalse();
        assertThat(ms).as("ms until stopped").isBetween(100L, 2_000L);
    }

    @Test
    @Timeout(30)
    void assess_oneSlowFiring_isCaughtAfterTheFiring(@TempDir Path dir) throws Exception {
        Assessment a = engine(dir, RuleDirs.ONE_SLOW_FIRING, null, Duration.ofMillis(50)).assess(examples.get(0));
        assertThat(a.decision()).isEqualTo(Decision.REFER);
        assertThat(a.hasFinding(Evaluator.TIME_BUDGET)).isTrue();
    }

    @Test
    @Timeout(30)
    void assess_oneSlowFiring_withinTheBudget_isNotStopped(@TempDir Path dir) throws Exception {
        Assessment a = engine(dir, RuleDirs.ONE_SLOW_FIRING, null, Duration.ofSeconds(10)).assess(examples.get(0));
        assertThat(a.decision()).isEqualTo(Decision.APPROVE);
        assertThat(a.findings()).isEmpty();
    }

    private static PolicyEngine engine(Path dir, String drl, Integer maxFirings, Duration budget) throws Exception {
        Files.createDirectories(dir);
        PolicyEngine.Builder b = PolicyEngine.builder()
                .rules(RuleSource.directory(RuleDirs.bundledPlus(dir, "9-test.drl", drl)));
        if (maxFirings != null) {
            b.maxRuleFirings(maxFirings);
        }
        if (budget != null) {
            b.timeBudget(budget);
        }
        return b.build();
    }

    private static Finding finding(Assessment a, String ruleId) {
        return a.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ruleId + " finding in " + a.findings()));
    }
}
