package org.procsec.engine.facts;

/** A clause of section 5 prohibits the purchase. */
public record Prohibition(String clause, String reason) implements Derived {
}
