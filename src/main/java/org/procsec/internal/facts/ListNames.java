package org.procsec.internal.facts;

import org.procsec.internal.refdata.Parameters;

/** Checks a list name used in a rule against the lists of reference/parameters.json. */
final class ListNames {
    private ListNames() {
    }

    static boolean check(String list) {
        if (!Parameters.listNames().contains(list)) {
            throw new IllegalArgumentException("unknown reference list \"" + list + "\" (expected one of "
                    + new java.util.TreeSet<>(Parameters.listNames()) + ")");
        }
        return true;
    }
}
