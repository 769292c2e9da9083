package org.procsec.internal.facts;

/** A condition of approval applies (POLICY section 6). */
public record RequiredCondition(org.procsec.model.ConditionType type, String clause, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public RequiredCondition(org.procsec.model.ConditionType type, String clause) {
        this(type, clause, RequestScope.current());
    }

}
