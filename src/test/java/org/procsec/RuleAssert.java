package org.procsec;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.procsec.api.PolicyEngine;
import org.procsec.internal.facts.RuleSupport;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Assesses a request and records which rules fired (through an agenda listener, not logs). */
public final class RuleAssert {
    public record Run(Assessment assessment, List<String> fired) {
        public boolean firedRule(String ruleId) {
            return fired.contains(ruleId);
        }
    }

    private RuleAssert() {
    }

    public static Run run(PurchaseRequest request) {
        return run(request, null);
    }

    public static Run run(PurchaseRequest request, LocalDate asOf) {
        PolicyEngine engine = TestEngines.bundled();
        List<String> fired = Collections.synchronizedList(new ArrayList<>());
        Assessment a = org.procsec.internal.engine.EngineCore.of(engine).assess(request, asOf, List.of(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(RuleSupport.ruleId(event.getMatch().getRule().getName()));
            }
        }));
        return new Run(a, List.copyOf(fired));
    }
}
