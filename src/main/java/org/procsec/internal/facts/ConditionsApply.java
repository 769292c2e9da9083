package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

/** Conditions of section 6 are listed: nothing rejects the purchase (a REJECTed purchase lists none). */
@ClassReactive
public record ConditionsApply() implements Derived {
}
