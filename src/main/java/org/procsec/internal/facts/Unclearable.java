package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

/** A party that cannot be cleared: its country has no bilateral industrial security instrument (POLICY 3.7). */
@ClassReactive
public record Unclearable(String partyRef) implements Derived {
}
