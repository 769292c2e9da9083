package org.procsec.internal.facts;

/** The purchase is in a sensitive sector (POLICY section 2). */
public record SensitiveSector(org.procsec.model.Sector sector, String clause) implements Derived {
}
