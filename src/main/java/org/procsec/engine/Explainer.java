package org.procsec.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Records, for one assessment, each rule that fired in firing order with the facts it matched.
 * Attach it through {@code PolicyEngine.assess(request, asOf, List.of(explainer))}; an assessment
 * without it pays nothing. One instance per assessment.
 */
public final class Explainer extends DefaultAgendaEventListener {

    /**
     * One firing.
     *
     * @param ruleId  the rule's id
     * @param clause  the clause it cites
     * @param rule    the rule's full name
     * @param matched the facts it matched, as text
     */
    public record FiredRule(String ruleId, String clause, String rule, List<String> matched) {
        public FiredRule {
            matched = List.copyOf(matched);
        }
    }

    private final List<FiredRule> fired = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        String id = RuleSupport.ruleId(name);
        List<String> matched = new ArrayList<>();
        for (Object o : event.getMatch().getObjects()) {
            matched.add(String.valueOf(o));
        }
        fired.add(new FiredRule(id, RuleSupport.clauseOf(id), name, matched));
    }

    /** The firings so far, first first. */
    public List<FiredRule> fired() {
        return List.copyOf(fired);
    }
}
