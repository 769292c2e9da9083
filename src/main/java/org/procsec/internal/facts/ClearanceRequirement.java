package org.procsec.internal.facts;

/** A clause asks for a supplier clearance level (POLICY section 3). */
public record ClearanceRequirement(org.procsec.model.ClearanceLevel level, String clause, String reason) implements Derived {
}
