package org.procsec.api;

import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.procsec.Requests;
import org.procsec.TestRules;
import org.procsec.model.Assessment;
import org.procsec.model.Category;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Sector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReloadTest {
    /** A radio bought by ESDC: PUBLIC_SAFETY_COMMUNICATIONS only once ESDC is added to the list. */
    private static final PurchaseRequest RADIO = Requests.withItem(Requests.plain(), Requests.item(Category.RADIO));

    private static void addEsdc(Path rules) throws Exception {
        TestRules.edit(rules.resolve("reference/security-departments.json"), "{ \"code\": \"CBSA\" }",
                "{ \"code\": \"CBSA\" }, { \"code\": \"ESDC\" }");
    }

    @Test
    void brokenReload_keepsServingThePreviousRules(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        String before = engine.fingerprint();
        Assessment first = engine.assess(RADIO);
        TestRules.edit(rules.resolve("2-classification.drl"), "Purchase($department : department)",
                "Purchase($department : departmnt)");
        assertThatThrownBy(() -> engine.reload(RuleSource.directory(rules)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems()).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.path()).isEqualTo("2-classification.drl")));
        assertThat(engine.fingerprint()).isEqualTo(before);
        assertThat(engine.assess(RADIO)).isEqualTo(first);
    }

    @Test
    void goodReload_swapsTheRules(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        String before = engine.fingerprint();
        assertThat(engine.assess(RADIO).sensitiveSectors()).isEmpty();
        addEsdc(rules);
        engine.reload(RuleSource.directory(rules));
        assertThat(engine.fingerprint()).isNotEqualTo(before);
        assertThat(engine.assess(RADIO).sensitiveSectors()).containsExactly(Sector.PUBLIC_SAFETY_COMMUNICATIONS);
    }

    @Test
    void assessmentInFlight_finishesOnTheRulesItStartedWith(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        String before = engine.fingerprint();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch reloaded = new CountDownLatch(1);
        var blockOnFirstFiring = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                if (started.getCount() > 0) {
                    started.countDown();
                    try {
                        reloaded.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        CompletableFuture<Assessment> inFlight =
                CompletableFuture.supplyAsync(() -> org.procsec.internal.engine.EngineCore.of(engine).assess(RADIO, null, List.of(blockOnFirstFiring)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        addEsdc(rules);
        engine.reload(RuleSource.directory(rules));
        reloaded.countDown();
        Assessment a = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(a.policy().fingerprint()).isEqualTo(before);
        assertThat(a.sensitiveSectors()).isEmpty();
        assertThat(engine.assess(RADIO).policy().fingerprint()).isNotEqualTo(before);
    }

    @Test
    void watcher_reloadsOnChange_andReportsABrokenChange(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.copyBundled(tmp);
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        String before = engine.fingerprint();
        LinkedBlockingQueue<RuleBuildException> failures = new LinkedBlockingQueue<>();
        try (RuleWatcher w = RuleWatcher.start(engine, rules, Duration.ofMillis(200), failures::add)) {
            addEsdc(rules);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (engine.fingerprint().equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(engine.fingerprint()).as("reloaded after the edit").isNotEqualTo(before);
            String good = engine.fingerprint();

            TestRules.edit(rules.resolve("5-prohibitions.drl"), "ProhibitedVendor(key == $key", "ProhibitedVendr(key == $key");
            RuleBuildException failure = failures.poll(30, TimeUnit.SECONDS);
            assertThat(failure).as("the broken edit is reported").isNotNull();
            assertThat(failure.problems().get(0).toString()).startsWith("5-prohibitions.drl:");
            assertThat(engine.fingerprint()).isEqualTo(good);
        }
    }

    @Test
    void validate_listsTheProblems_orNoneForRulesThatBuild(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        org.assertj.core.api.Assertions.assertThat(PolicyEngine.validate(org.procsec.ruleset.RuleSource.bundled())).isEmpty();
        java.nio.file.Path broken = org.procsec.TestRules.copyBundled(tmp.resolve("rules"));
        org.procsec.TestRules.edit(broken.resolve("3-clearance.drl"), "then", "then )(");
        var problems = PolicyEngine.validate(org.procsec.ruleset.RuleSource.directory(broken));
        org.assertj.core.api.Assertions.assertThat(problems).isNotEmpty()
                .allMatch(p -> p.path().equals("3-clearance.drl"));
    }
}
