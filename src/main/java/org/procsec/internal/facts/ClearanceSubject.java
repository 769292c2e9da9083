package org.procsec.internal.facts;

/** A party that must meet the required clearance: the supplier, and manufacturers under 3.6. */
public record ClearanceSubject(String partyRef, String clause, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public ClearanceSubject(String partyRef, String clause) {
        this(partyRef, clause, RequestScope.current());
    }

}
