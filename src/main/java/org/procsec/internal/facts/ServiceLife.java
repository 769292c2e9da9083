package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/**
 * Section 7.2: a holding's service life.
 *
 * @param years its length (reference/parameters.json)
 * @param ends  the day it ends: the award date plus {@code years}
 * @param ended true when it has ended by the as-of date
 */
@ClassReactive
public record ServiceLife(int years, LocalDate ends, boolean ended, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public ServiceLife(int years, LocalDate ends, boolean ended) {
        this(years, ends, ended, RequestScope.current());
    }

}
