package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.ClearanceLevel;

/**
 * A party that must meet the required level (3.5, 3.6) and holds less (POLICY 3.7).
 *
 * @param partyRef the party's ref
 * @param required the required level
 * @param held     the level it holds on the as-of date
 * @param clauses  the clauses asking for the required level, e.g. {@code 3.2, 3.4}
 */
@ClassReactive
public record ClearanceShortfall(String partyRef, ClearanceLevel required, ClearanceLevel held, String clauses, int rq)
        implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public ClearanceShortfall(String partyRef, ClearanceLevel required, ClearanceLevel held, String clauses) {
        this(partyRef, required, held, clauses, RequestScope.current());
    }

}
