package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.Outcome;

/**
 * What the CSE review status does to a triggered review (POLICY 4.5), as the 4.5 rules decide it:
 * the outcome of every trigger's finding, a note added to its message, and its remedy.
 *
 * @param outcome REFER while a review is outstanding, INFO once a FAVOURABLE one is recorded
 * @param note    added to the trigger's message, e.g. {@code "; satisfied by a FAVOURABLE CSE review"}
 * @param remedy  what resolves it, or null when nothing is outstanding
 */
@ClassReactive
public record ReviewEffect(Outcome outcome, String note, String remedy, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public ReviewEffect(Outcome outcome, String note, String remedy) {
        this(outcome, note, remedy, RequestScope.current());
    }

}
