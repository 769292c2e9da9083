package org.procsec.model;

import java.util.Objects;

/**
 * A supplier or a manufacturer.
 *
 * @param name                  legal name as given in the request
 * @param country               ISO 3166 alpha-2 country code
 * @param role                  the supplier's role; MANUFACTURER for manufacturers
 * @param stateOwnershipPercent share held by a state, 0..100
 * @param controllingState      ISO alpha-2 code of a controlling state, or null
 * @param clearance             the clearance held; {@link Clearance#NONE} when none
 */
public record Organisation(String name, String country, SupplierRole role, double stateOwnershipPercent,
                           String controllingState, Clearance clearance) {
    public Organisation {
        Objects.requireNonNull(name, "name");
        RequestRules.check("name", RequestRules.text(name, true));
        RequestRules.check("name", RequestRules.name(name));
        Objects.requireNonNull(country, "country");
        RequestRules.check("country", RequestRules.country(country));
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(clearance, "clearance");
        RequestRules.check("stateOwnershipPercent", RequestRules.percent(stateOwnershipPercent));
        if (controllingState != null) {
            RequestRules.check("controllingState", RequestRules.country(controllingState));
        }
    }

    /** An organisation with no state ownership and no clearance. */
    public static Organisation of(String name, String country, SupplierRole role) {
        return new Organisation(name, country, role, 0, null, Clearance.NONE);
    }

    public Organisation withClearance(Clearance newClearance) {
        return new Organisation(name, country, role, stateOwnershipPercent, controllingState, newClearance);
    }

    public Organisation withName(String newName) {
        return new Organisation(newName, country, role, stateOwnershipPercent, controllingState, clearance);
    }

    public Organisation withCountry(String newCountry) {
        return new Organisation(name, newCountry, role, stateOwnershipPercent, controllingState, clearance);
    }

    public Organisation withRole(SupplierRole newRole) {
        return new Organisation(name, country, newRole, stateOwnershipPercent, controllingState, clearance);
    }

    public Organisation withStateOwnership(double percent, String state) {
        return new Organisation(name, country, role, percent, state, clearance);
    }
}
