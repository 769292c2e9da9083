package org.procsec.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.SiteType;
import org.procsec.model.Zone;

/** One site entry of the purchase; every item is installed at it (POLICY 1.6). */
@ClassReactive
public record SiteFact(int index, SiteType type, Zone zone) {

    /** How findings name it, e.g. {@code sites[0] (FOREIGN_MISSION, PUBLIC)}. */
    public String label() {
        return "sites[" + index + "] (" + type + ", " + zone + ")";
    }
}
