package org.procsec.internal.facts;

/** A clause of section 5 prohibits the purchase. */
public record Prohibition(String clause, String reason, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public Prohibition(String clause, String reason) {
        this(clause, reason, RequestScope.current());
    }

}
