package org.procsec.internal.facts;

/** A clause of section 5 prohibits the purchase. */
public record Prohibition(String clause, String reason) implements Derived {
}
