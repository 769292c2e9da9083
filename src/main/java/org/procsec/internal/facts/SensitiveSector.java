package org.procsec.internal.facts;

/** The purchase is in a sensitive sector (POLICY section 2). */
public record SensitiveSector(org.procsec.model.Sector sector, String clause, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public SensitiveSector(org.procsec.model.Sector sector, String clause) {
        this(sector, clause, RequestScope.current());
    }

}
