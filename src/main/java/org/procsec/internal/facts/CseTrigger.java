package org.procsec.internal.facts;

/** A clause of section 4 calls for a CSE supply-chain integrity review. */
public record CseTrigger(String clause, String reason) implements Derived {
}
