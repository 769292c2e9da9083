package org.procsec.model;

import java.util.Objects;

/**
 * Sites of one type and zone where every item of the purchase is installed (POLICY 1.6).
 *
 * @param type  site type
 * @param zone  security zone of the installation
 * @param count number of such sites, at least 1
 */
public record Site(SiteType type, Zone zone, int count) {
    public Site {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(zone, "zone");
        RequestRules.check("count", RequestRules.range(count, 1, Integer.MAX_VALUE));
    }

    public Site withZone(Zone newZone) {
        return new Site(type, newZone, count);
    }
}
