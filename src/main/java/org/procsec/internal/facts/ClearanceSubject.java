package org.procsec.internal.facts;

/** A party that must meet the required clearance: the supplier, and manufacturers under 3.6. */
public record ClearanceSubject(String partyRef, String clause) implements Derived {
}
