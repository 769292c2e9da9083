package org.procsec.internal.facts;

/** The clearance level of a party that counts on the as-of date (POLICY 3.5). */
public record HeldClearance(String partyRef, org.procsec.model.ClearanceLevel level, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public HeldClearance(String partyRef, org.procsec.model.ClearanceLevel level) {
        this(partyRef, level, RequestScope.current());
    }

}
