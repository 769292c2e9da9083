package org.procsec.internal.refdata;

import java.time.LocalDate;

/** A reference entry that applies from a date on (null: always). */
public interface Dated {
    LocalDate inForceFrom();

    /** True when the entry applies on {@code date}. */
    default boolean inForceOn(LocalDate date) {
        return inForceFrom() == null || !date.isBefore(inForceFrom());
    }
}
