package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.ClearanceLevel;
import org.procsec.model.SupplierRole;

import java.time.LocalDate;

/**
 * An organisation of the purchase as the request states it (POLICY 1.4): the supplier, or a
 * manufacturer entry (identical entries on several items are one party).
 *
 * @param ref                   {@code supplier}, or the path of the first item stating this manufacturer
 * @param supplier              true for the supplier
 * @param label                 how findings name it, e.g. {@code manufacturer Hytera ... of items[0], items[1]}
 * @param name                  legal name as given
 * @param normalisedName        the name normalised as POLICY 1.5 says; empty when nothing is left
 * @param country               ISO alpha-2 country
 * @param role                  role (MANUFACTURER for manufacturers)
 * @param stateOwnershipPercent state share as given in the request
 * @param controllingState      controlling state as given, or null
 * @param clearanceLevel        stated clearance level
 * @param clearanceExpires      stated expiry, or null
 */
@ClassReactive
public record Party(String ref, boolean supplier, String label, String name, String normalisedName, String country, SupplierRole role,
                    double stateOwnershipPercent, String controllingState, ClearanceLevel clearanceLevel,
                    LocalDate clearanceExpires, int rq) implements RequestScoped {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public Party(String ref, boolean supplier, String label, String name, String normalisedName, String country, SupplierRole role, double stateOwnershipPercent, String controllingState, ClearanceLevel clearanceLevel, LocalDate clearanceExpires) {
        this(ref, supplier, label, name, normalisedName, country, role, stateOwnershipPercent, controllingState, clearanceLevel, clearanceExpires, RequestScope.current());
    }


    /** True when the stated clearance has not expired on {@code date} (POLICY 3.5). */
    public boolean clearanceValidOn(LocalDate date) {
        return clearanceExpires == null || !clearanceExpires.isBefore(date);
    }

    /** The stated state share, e.g. {@code 40%} or {@code 25.5%}. */
    public String ownership() {
        return java.math.BigDecimal.valueOf(stateOwnershipPercent).stripTrailingZeros().toPlainString() + "%";
    }

    /** The state that owns or controls it: the controlling state when given, its country otherwise (4.2). */
    public String owningState() {
        return controllingState != null ? controllingState : country;
    }
}
