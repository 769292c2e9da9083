package org.procsec.internal.engine;

import org.procsec.internal.facts.RuleSupport;
import org.procsec.model.Explanation.Fact;
import org.procsec.model.Explanation.Firing;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Records, for one assessment, each rule that fired in firing order with the facts it matched.
 * {@code PolicyEngine.explain} attaches one to the assessment's session; an assessment without it
 * pays nothing. One instance per assessment.
 */
public final class Explainer extends DefaultAgendaEventListener {

    private final List<Firing> fired = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        String id = RuleSupport.ruleId(name);
        List<Fact> facts = new ArrayList<>();
        for (Object o : event.getMatch().getObjects()) {
            if (o == null || o.getClass().getName().startsWith("org.drools.")
                    || o instanceof org.procsec.internal.facts.RequestKey) {
                continue; // the engine's own initial fact, or the request pattern procsec adds: nothing the author wrote
            }
            facts.add(fact(o));
        }
        fired.add(new Firing(id, RuleSupport.clauseOf(id), name, facts));
    }

    /** The firings so far, first first. */
    public List<Firing> fired() {
        return List.copyOf(fired);
    }

    /** {@code o} as a {@link Fact}: a record by its components; anything else by its text. */
    public static Fact fact(Object o) {
        if (o instanceof org.procsec.internal.facts.RequestFinding rf) {
            return fact(rf.finding()); // as the rule wrote it: a Finding
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (o != null && o.getClass().isRecord()) {
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                if (o instanceof org.procsec.internal.facts.RequestScoped && c.getName().equals("rq")) {
                    continue; // the request's number in its session, added for batches (RequestScoping)
                }
                try {
                    c.getAccessor().setAccessible(true);
                    fields.put(c.getName(), value(c.getAccessor().invoke(o), 0));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    fields.put(c.getName(), "(unreadable: " + e.getClass().getSimpleName() + ")");
                }
            }
            return new Fact(o.getClass().getSimpleName(), fields);
        }
        if (o instanceof java.util.Set<?> || o instanceof List<?>) {
            // what an accumulate or collect pattern matched
            fields.put("items", value(o, 0));
            return new Fact(o instanceof java.util.Set<?> ? "Set" : "List", fields);
        }
        fields.put("value", value(o, 0));
        return new Fact(o == null ? "null" : o instanceof Number ? "Number" : o.getClass().getSimpleName(), fields);
    }

    private static Object value(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (depth > 4) {
            return String.valueOf(v);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(value(x, depth + 1)));
            if (v instanceof java.util.Set<?>) {
                out.sort(java.util.Comparator.comparing(String::valueOf));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), value(x, depth + 1)));
            return out;
        }
        if (v.getClass().isRecord()) {
            return fact(v);
        }
        return String.valueOf(v);
    }
}
