package org.procsec.internal.facts;

/** A clause asks for a supplier clearance level (POLICY section 3). */
public record ClearanceRequirement(org.procsec.model.ClearanceLevel level, String clause, String reason, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public ClearanceRequirement(org.procsec.model.ClearanceLevel level, String clause, String reason) {
        this(level, clause, reason, RequestScope.current());
    }

}
