package org.procsec.internal.facts;

/** The highest level any clause asks for, with the clauses asking for it. */
public record RequiredClearance(org.procsec.model.ClearanceLevel level, String clauses) implements Derived {
}
