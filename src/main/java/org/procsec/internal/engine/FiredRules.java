package org.procsec.internal.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.procsec.internal.facts.RuleSupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Records the ids of the rules that fire in one assessment, in firing order. Not thread-safe: one per assessment. */
public final class FiredRules extends DefaultAgendaEventListener {
    private final Set<String> ids = new LinkedHashSet<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        ids.add(RuleSupport.ruleId(event.getMatch().getRule().getName()));
    }

    /** The ids, first firing first. */
    public List<String> ids() {
        return new ArrayList<>(ids);
    }
}
