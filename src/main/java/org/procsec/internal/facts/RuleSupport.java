package org.procsec.internal.facts;

import org.kie.api.runtime.rule.RuleContext;
import org.procsec.model.Finding;
import org.procsec.model.Outcome;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers the DRL consequences call to build findings. A finding's rule id and clause come from
 * the name of the rule that produced it, so the id is written once, in the DRL.
 */
public final class RuleSupport {
    /** A rule name starts with its id: family, clause, slug, e.g. {@code CLR-3.7-unclearable-country}. */
    public static final Pattern RULE_ID =
            Pattern.compile("^(SEC|CLR|CSE|PRH|CND|LCY|DEC)-(\\d+(?:\\.\\d+)*)-([a-z0-9]+(?:-[a-z0-9]+)*)(?=\\s|$)");

    /** {@code getContext(Class)} of each executable-model consequence class, looked up once per class. */
    private static final ClassValue<java.lang.reflect.Method> GET_CONTEXT = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method computeValue(Class<?> type) {
            try {
                return type.getMethod("getContext", Class.class);
            } catch (NoSuchMethodException e) {
                return null; // invoke on null: a NullPointerException, reported below as "not a rule context"
            }
        }
    };

    private RuleSupport() {
    }

    /** The id of a rule: its name up to the first blank. */
    public static String ruleId(String ruleName) {
        int blank = ruleName.indexOf(' ');
        return blank < 0 ? ruleName : ruleName.substring(0, blank);
    }

    /** The clause a rule id cites ({@code CLR-3.7-x} cites {@code 3.7}); "?" when the id is malformed. */
    public static String clauseOf(String ruleId) {
        Matcher m = RULE_ID.matcher(ruleId);
        return m.find() ? m.group(2) : "?";
    }

    /**
     * The name of the rule whose consequence is running. {@code drools} is a {@link RuleContext} in
     * classic DRL and an {@code org.drools.model.Drools} (which holds one) in the executable model.
     */
    public static String ruleName(Object drools) {
        if (drools instanceof RuleContext context) {
            return context.getRule().getName();
        }
        try {
            Object context = GET_CONTEXT.get(drools.getClass()).invoke(drools, RuleContext.class);
            return ((RuleContext) context).getRule().getName();
        } catch (ReflectiveOperationException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a rule context: " + drools, e);
        }
    }

    /** The finding of the rule whose consequence is running, as a fact of its request. */
    public static RequestFinding finding(Object rule, Outcome outcome, String message, String remedy) {
        if (ID_AND_CLAUSE.size() > 10_000) {
            ID_AND_CLAUSE.clear(); // only after very many reloads of renamed rules
        }
        String[] idAndClause = ID_AND_CLAUSE.computeIfAbsent(ruleName(rule), name -> {
            String id = ruleId(name);
            return new String[] {id, clauseOf(id)};
        });
        return new RequestFinding(new Finding(idAndClause[0], idAndClause[1], outcome, message, remedy));
    }

    /**
     * Rule id and clause by rule name: parsed once per name, not at every firing. Rule names are
     * few (one entry per rule of the rule sets loaded), so the map stays small.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String[]> ID_AND_CLAUSE =
            new java.util.concurrent.ConcurrentHashMap<>();

    public static RequestFinding info(Object rule, String message) {
        return finding(rule, Outcome.INFO, message, null);
    }

    public static RequestFinding condition(Object rule, String message) {
        return finding(rule, Outcome.CONDITION, message, null);
    }

    public static RequestFinding refer(Object rule, String message, String remedy) {
        return finding(rule, Outcome.REFER, message, remedy);
    }

    public static RequestFinding reject(Object rule, String message) {
        return finding(rule, Outcome.REJECT, message, null);
    }

    /** The decision fact of a section 8 rule, carrying that rule's id. */
    public static org.procsec.internal.facts.DecisionFact decision(Object rule, org.procsec.model.Decision decision) {
        return new org.procsec.internal.facts.DecisionFact(decision, ruleId(ruleName(rule)));
    }

    /** Clause ids in clause order, joined: {@code [3.4, 3.2]} gives {@code "3.2, 3.4"}. */
    public static String clauseList(java.util.Collection<?> clauses) {
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(org.procsec.model.Finding::compareClauses);
        for (Object c : clauses) {
            sorted.add(String.valueOf(c));
        }
        return String.join(", ", sorted);
    }
}
