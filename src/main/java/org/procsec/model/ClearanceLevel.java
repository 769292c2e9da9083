package org.procsec.model;

/** Supplier security clearance levels, lowest first (POLICY section 3). */
public enum ClearanceLevel {
    NONE, DESIGNATED_ORGANIZATION, FACILITY_SECRET, FACILITY_TOP_SECRET;

    /** Position in the order NONE &lt; DOS &lt; FACILITY_SECRET &lt; FACILITY_TOP_SECRET. */
    public int rank() {
        return ordinal();
    }

    /** True when this level is at least {@code required}. */
    public boolean meets(ClearanceLevel required) {
        return compareTo(required) >= 0;
    }

    /** The higher of two levels. */
    public static ClearanceLevel max(ClearanceLevel a, ClearanceLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
