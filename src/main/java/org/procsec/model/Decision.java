package org.procsec.model;

/** The decision on a purchase (POLICY section 8), most permissive first. */
public enum Decision {
    APPROVE, APPROVE_WITH_CONDITIONS, REFER, REJECT;

    /** True when this decision is at least as strict as {@code other}. */
    public boolean atLeast(Decision other) {
        return compareTo(other) >= 0;
    }

    /** The stricter of two decisions. */
    public static Decision stricter(Decision a, Decision b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
