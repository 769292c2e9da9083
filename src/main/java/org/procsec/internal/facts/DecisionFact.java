package org.procsec.internal.facts;

/** The decision reached by the rules of section 8. */
public record DecisionFact(org.procsec.model.Decision decision, String ruleId, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public DecisionFact(org.procsec.model.Decision decision, String ruleId) {
        this(decision, ruleId, RequestScope.current());
    }

}
