package org.procsec.internal.facts;

/** The clearance level of a party that counts on the as-of date (POLICY 3.5). */
public record HeldClearance(String partyRef, org.procsec.model.ClearanceLevel level) implements Derived {
}
