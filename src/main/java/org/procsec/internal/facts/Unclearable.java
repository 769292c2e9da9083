package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

/** A party that cannot be cleared: its country has no bilateral industrial security instrument (POLICY 3.7). */
@ClassReactive
public record Unclearable(String partyRef, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public Unclearable(String partyRef) {
        this(partyRef, RequestScope.current());
    }

}
