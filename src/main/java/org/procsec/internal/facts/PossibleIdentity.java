package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;

/**
 * A listed entity a party may be without matching it (POLICY 1.5 b): its name contains a listed
 * name or alias as whole words, equals one run together, or has its confusable skeleton.
 *
 * @param partyRef   the party's ref
 * @param key        normalised legal name of the listed entity
 * @param listedName the entity's listed legal name
 * @param how        why, e.g. {@code contains "Hikvision" (an alias of ...) as whole words}
 * @param since      date it holds from (a subsidiary's date), or null: always
 */
@ClassReactive
public record PossibleIdentity(String partyRef, String key, String listedName, String how, LocalDate since, int rq) implements RequestScoped {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public PossibleIdentity(String partyRef, String key, String listedName, String how, LocalDate since) {
        this(partyRef, key, listedName, how, since, RequestScope.current());
    }

}
