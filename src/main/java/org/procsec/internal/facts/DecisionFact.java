package org.procsec.internal.facts;

/** The decision reached by the rules of section 8. */
public record DecisionFact(org.procsec.model.Decision decision, String ruleId) implements Derived {
}
