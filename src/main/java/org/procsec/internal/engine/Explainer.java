package org.procsec.internal.engine;

import org.procsec.internal.facts.RuleSupport;

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
 * Attach it through {@code PolicyEngine.assess(request, asOf, List.of(explainer))}; an assessment
 * without it pays nothing. One instance per assessment.
 */
public final class Explainer extends DefaultAgendaEventListener {

    /**
     * One matched fact: its type and its fields.
     *
     * @param type   the fact's simple class name, e.g. {@code Party}
     * @param fields its record components in declaration order; values are strings, numbers, booleans,
     *               lists, maps sorted by key, nested {@link Fact}s or null
     */
    public record Fact(String type, Map<String, Object> fields) {
        public Fact {
            Objects.requireNonNull(type, "type");
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** {@code Type(name=value, ...)} on one line; long lists and maps are summarised. */
        public String summary() {
            StringBuilder b = new StringBuilder(type).append('(');
            int n = 0;
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                if (n == MAX_SUMMARY_FIELDS && fields.size() > MAX_SUMMARY_FIELDS + 1) {
                    b.append(", ... ").append(fields.size() - n).append(" more fields");
                    break;
                }
                if (n++ > 0) {
                    b.append(", ");
                }
                b.append(e.getKey()).append('=').append(brief(e.getValue()));
            }
            return b.append(')').toString();
        }

        private static final int MAX_SUMMARY_FIELDS = 8;

        private static String brief(Object v) {
            if (v instanceof Fact f) {
                return f.summary();
            }
            if (v instanceof Map<?, ?> m) {
                return m.size() > 6 ? "{" + m.size() + " entries}" : m.toString();
            }
            if (v instanceof List<?> l) {
                return l.size() > 8 ? "[" + l.size() + " items]" : l.stream().map(Fact::brief).toList().toString();
            }
            return String.valueOf(v);
        }
    }

    /**
     * One firing.
     *
     * @param ruleId  the rule's id
     * @param clause  the clause it cites
     * @param rule    the rule's full name
     * @param matched the facts it matched, as text ({@code toString()})
     * @param facts   the facts it matched, with their types and fields, in the order the rule names them
     */
    public record FiredRule(String ruleId, String clause, String rule, List<String> matched, List<Fact> facts) {
        public FiredRule {
            matched = List.copyOf(matched);
            facts = List.copyOf(facts);
        }

        /** The firing as one line: {@code ruleId [clause]: Fact(...); Fact(...)}. */
        public String line() {
            return ruleId + " [" + clause + "]" + (facts.isEmpty() ? "" : ": "
                    + String.join("; ", facts.stream().map(Fact::summary).toList()));
        }
    }

    private final List<FiredRule> fired = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        String name = event.getMatch().getRule().getName();
        String id = RuleSupport.ruleId(name);
        List<String> matched = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (Object o : event.getMatch().getObjects()) {
            if (o == null || o.getClass().getName().startsWith("org.drools.")) {
                continue; // the engine's own initial fact: nothing the rule author wrote
            }
            matched.add(String.valueOf(o));
            facts.add(fact(o));
        }
        fired.add(new FiredRule(id, RuleSupport.clauseOf(id), name, matched, facts));
    }

    /** The firings so far, first first. */
    public List<FiredRule> fired() {
        return List.copyOf(fired);
    }

    /** {@code o} as a {@link Fact}: a record by its components; anything else by its text. */
    public static Fact fact(Object o) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (o != null && o.getClass().isRecord()) {
            for (RecordComponent c : o.getClass().getRecordComponents()) {
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
