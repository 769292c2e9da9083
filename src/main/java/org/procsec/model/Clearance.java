package org.procsec.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A security clearance held by an organisation.
 *
 * @param level   the level; NONE when the organisation holds none
 * @param expires last day the clearance is valid, or null when it does not expire
 */
public record Clearance(ClearanceLevel level, LocalDate expires) {
    /** No clearance. */
    public static final Clearance NONE = new Clearance(ClearanceLevel.NONE, null);

    public Clearance {
        Objects.requireNonNull(level, "level");
    }

    /** The level that counts on {@code date} (POLICY 3.5): NONE once expired. */
    public ClearanceLevel levelOn(LocalDate date) {
        return expires == null || !expires.isBefore(date) ? level : ClearanceLevel.NONE;
    }
}
