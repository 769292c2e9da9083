package org.procsec.internal.facts;

/** A condition of approval applies (POLICY section 6). */
public record RequiredCondition(org.procsec.model.ConditionType type, String clause) implements Derived {
}
