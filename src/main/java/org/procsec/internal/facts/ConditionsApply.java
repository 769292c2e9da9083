package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

/** Conditions of section 6 are listed: nothing rejects the purchase (a REJECTed purchase lists none). */
@ClassReactive
public record ConditionsApply(int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public ConditionsApply() {
        this(RequestScope.current());
    }

}
