package org.procsec.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.procsec.Requests;
import org.procsec.TestEngines;
import org.procsec.TestRules;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleSource;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Sector;
import org.procsec.internal.scan.PortfolioGenerator;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain assessments reuse idle sessions: nothing may carry over from one assessment to the next. */
class SessionReuseTest {

    @Test
    void reusedSessions_giveTheSameAssessmentsAsFreshOnes() throws Exception {
        StringWriter w = new StringWriter();
        new PortfolioGenerator(11, 0).write(300, w);
        PolicyEngine engine = TestEngines.bundled();
        // A listener forces a fresh session for that assessment.
        List<org.kie.api.event.rule.AgendaEventListener> fresh = List.of(new DefaultAgendaEventListener());
        LocalDate today = LocalDate.of(2026, 11, 22);
        for (String line : w.toString().split("\n")) {
            PurchaseRequest r = RequestJson.parse(line, new ArrayList<>());
            Assessment reused = engine.assess(r, today);
            assertThat(reused).as(line).isEqualTo(org.procsec.internal.engine.EngineCore.of(engine).assess(r, today, fresh));
            assertThat(engine.assess(r)).as(line).isEqualTo(org.procsec.internal.engine.EngineCore.of(engine).assess(r, null, fresh));
        }
    }

    @Test
    void aRuleThatInsertsWithoutTruthMaintenance_doesNotLeakIntoTheNextAssessment(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.bundledWith(tmp, "2-classification.drl",
                "\nrule \"SEC-2.5-leak a plain insert that outlives its request\"\nwhen\n"
                + "    Purchase(department == \"LEAK\")\nthen\n"
                + "    insert(new SensitiveSector(Sector.SECURE_ZONE, \"2.5\"));\nend\n");
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        PurchaseRequest leak = Requests.plain().withDepartment("LEAK");
        assertThat(engine.assess(leak).sensitiveSectors()).containsExactly(Sector.SECURE_ZONE);
        for (int i = 0; i < 3; i++) {
            assertThat(engine.assess(Requests.plain()).sensitiveSectors()).isEmpty();
        }
    }

    @Test
    void aPlainFindingInsertedByARule_stillRaisesTheDecision(@TempDir Path tmp) throws Exception {
        // Rules should use the finding helpers (RequestFinding); a plain model Finding must not be lost
        // by the collection of results, inline or in a batch.
        Path rules = TestRules.bundledWith(tmp, "5-prohibitions.drl",
                "\nrule \"PRH-5.1-plain a finding written out by hand\"\nwhen\n"
                + "    Purchase(department == \"PLAIN\")\nthen\n"
                + "    insertLogical(new Finding(\"PRH-5.1-plain\", \"5.1\", Outcome.REJECT, \"by hand\", null));\nend\n");
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        PurchaseRequest plain = Requests.plain().withDepartment("PLAIN");
        Assessment alone = engine.assess(plain);
        assertThat(alone.hasFinding("PRH-5.1-plain")).isTrue();
        assertThat(alone.decision()).isEqualTo(org.procsec.model.Decision.REJECT);
        assertThat(engine.assessAll(List.of(Requests.plain(), plain), null)).containsExactly(
                engine.assess(Requests.plain()), alone);
        assertThat(engine.assess(Requests.plain()).hasFinding("PRH-5.1-plain")).isFalse();
    }
}
