package org.procsec.internal.facts;

/** The highest level any clause asks for, with the clauses asking for it. */
public record RequiredClearance(org.procsec.model.ClearanceLevel level, String clauses, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public RequiredClearance(org.procsec.model.ClearanceLevel level, String clauses) {
        this(level, clauses, RequestScope.current());
    }

}
