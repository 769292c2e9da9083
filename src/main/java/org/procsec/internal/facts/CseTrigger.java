package org.procsec.internal.facts;

/** A clause of section 4 calls for a CSE supply-chain integrity review. */
public record CseTrigger(String clause, String reason, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public CseTrigger(String clause, String reason) {
        this(clause, reason, RequestScope.current());
    }

}
