package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/**
 * A listed entity a party counts as (POLICY 1.5): by name, alias, or as a subsidiary of a listed
 * parent from {@code since} on.
 *
 * @param partyRef   the party's ref
 * @param key        normalised legal name of the listed entity
 * @param listedName the entity's listed legal name
 * @param via        "name", "alias" or "subsidiary of ..."
 * @param since      date the identity holds from, or null: always
 */
@ClassReactive
public record PartyIdentity(String partyRef, String key, String listedName, String via, LocalDate since, int rq) implements RequestScoped {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public PartyIdentity(String partyRef, String key, String listedName, String via, LocalDate since) {
        this(partyRef, key, listedName, via, since, RequestScope.current());
    }


    /** How findings describe the match, e.g. {@code " (subsidiary of Hytera ...)"}; empty for a name match. */
    public String how() {
        return via.equals("name") ? "" : " (" + via + ")";
    }
}
