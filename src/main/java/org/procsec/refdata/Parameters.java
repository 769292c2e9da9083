package org.procsec.refdata;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Connectivity;
import org.procsec.model.SiteType;
import org.procsec.model.Zone;

import java.util.Set;

/**
 * Thresholds and category lists of the policy, from {@code reference/parameters.json}.
 * One instance is in working memory; rules read it instead of carrying literals.
 */
@ClassReactive
public record Parameters(String edition, String homeCountry, int stateOwnershipThresholdPercent,
                         int maxDataRetentionDays, int serviceLifeYears,
                         Set<Category> detectionCategories, Set<SiteType> borderSiteTypes,
                         Set<SiteType> missionSiteTypes, Set<Category> radioCategories,
                         Set<Category> surveillanceCategories, Set<Zone> secureZones,
                         Set<Connectivity> gcNetworkConnectivity, Set<Capability> dataCapabilities,
                         Set<Connectivity> cseNetworkConnectivity, Set<Capability> retentionCapabilities) {
    public Parameters {
        detectionCategories = Set.copyOf(detectionCategories);
        borderSiteTypes = Set.copyOf(borderSiteTypes);
        missionSiteTypes = Set.copyOf(missionSiteTypes);
        radioCategories = Set.copyOf(radioCategories);
        surveillanceCategories = Set.copyOf(surveillanceCategories);
        secureZones = Set.copyOf(secureZones);
        gcNetworkConnectivity = Set.copyOf(gcNetworkConnectivity);
        dataCapabilities = Set.copyOf(dataCapabilities);
        cseNetworkConnectivity = Set.copyOf(cseNetworkConnectivity);
        retentionCapabilities = Set.copyOf(retentionCapabilities);
    }

    /** Short form for traces: the lists are in reference/parameters.json. */
    @Override
    public String toString() {
        return "Parameters[edition=" + edition + ", homeCountry=" + homeCountry + ", stateOwnershipThresholdPercent="
                + stateOwnershipThresholdPercent + ", maxDataRetentionDays=" + maxDataRetentionDays
                + ", serviceLifeYears=" + serviceLifeYears + ", ...]";
    }
}
