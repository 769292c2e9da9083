package org.procsec.model;

import java.util.Objects;

/**
 * Services that come with a purchase.
 *
 * @param onSiteMaintenance supplier (or manufacturer) personnel maintain items on site
 * @param visitsPerYear     planned visits per year, at least 0
 * @param access            access of those personnel to the sites
 * @param remoteAccess      the supplier has remote access to the items
 * @param performedBy       who performs the services
 */
public record Services(boolean onSiteMaintenance, int visitsPerYear, Access access, boolean remoteAccess,
                       PerformedBy performedBy) {
    /** No services: what a request without {@code services} means. */
    public static final Services NONE = new Services(false, 0, Access.NONE, false, PerformedBy.SUPPLIER);

    public Services {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(performedBy, "performedBy");
        RequestRules.check("visitsPerYear", RequestRules.range(visitsPerYear, 0, RequestRules.MAX_VISITS));
    }

    public Services withAccess(Access newAccess) {
        return new Services(onSiteMaintenance, visitsPerYear, newAccess, remoteAccess, performedBy);
    }

    public Services withRemoteAccess(boolean newRemoteAccess) {
        return new Services(onSiteMaintenance, visitsPerYear, access, newRemoteAccess, performedBy);
    }

    public Services withOnSiteMaintenance(boolean newOnSiteMaintenance) {
        return new Services(newOnSiteMaintenance, visitsPerYear, access, remoteAccess, performedBy);
    }

    public Services withPerformedBy(PerformedBy newPerformedBy) {
        return new Services(onSiteMaintenance, visitsPerYear, access, remoteAccess, newPerformedBy);
    }
}
