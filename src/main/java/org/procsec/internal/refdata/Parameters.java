package org.procsec.internal.refdata;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Connectivity;
import org.procsec.model.SiteType;
import org.procsec.model.Zone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

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
                         Set<Connectivity> cseNetworkConnectivity, Set<Capability> retentionCapabilities,
                         Set<Zone> topSecretZones, Set<Zone> secretZones, Set<Connectivity> topSecretConnectivity) {
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
        topSecretZones = Set.copyOf(topSecretZones);
        secretZones = Set.copyOf(secretZones);
        topSecretConnectivity = Set.copyOf(topSecretConnectivity);
    }

    /**
     * The lists of this file by name, as {@code listed("...")} in the DRL names them. An item or
     * site fact carries the names of the lists its values are in, so that rules test membership
     * on the fact alone (an alpha constraint, checked once when the fact is inserted).
     */
    private static final Map<String, Function<Parameters, Set<?>>> LISTS = lists();

    private static Map<String, Function<Parameters, Set<?>>> lists() {
        Map<String, Function<Parameters, Set<?>>> m = new LinkedHashMap<>();
        m.put("detectionCategories", Parameters::detectionCategories);
        m.put("borderSiteTypes", Parameters::borderSiteTypes);
        m.put("missionSiteTypes", Parameters::missionSiteTypes);
        m.put("radioCategories", Parameters::radioCategories);
        m.put("surveillanceCategories", Parameters::surveillanceCategories);
        m.put("secureZones", Parameters::secureZones);
        m.put("gcNetworkConnectivity", Parameters::gcNetworkConnectivity);
        m.put("dataCapabilities", Parameters::dataCapabilities);
        m.put("cseNetworkConnectivity", Parameters::cseNetworkConnectivity);
        m.put("retentionCapabilities", Parameters::retentionCapabilities);
        m.put("topSecretZones", Parameters::topSecretZones);
        m.put("secretZones", Parameters::secretZones);
        m.put("topSecretConnectivity", Parameters::topSecretConnectivity);
        return Map.copyOf(m);
    }

    /** The names of the lists, e.g. {@code detectionCategories}. */
    public static Set<String> listNames() {
        return LISTS.keySet();
    }

    /** The names of the lists containing any of {@code values}. */
    public Set<String> listsContaining(Iterable<? extends Enum<?>> values) {
        Map<Enum<?>, Set<String>> index = index();
        Set<String> out = null;
        for (Enum<?> v : values) {
            Set<String> in = v == null ? null : index.get(v);
            if (in == null || in.isEmpty()) {
                continue;
            }
            if (out == null) {
                out = in;                       // the common case: one value in lists, no copy
            } else {
                Set<String> union = new TreeSet<>(out);
                union.addAll(in);
                out = Set.copyOf(union);
            }
        }
        return out == null ? Set.of() : out;
    }

    /**
     * For each value found in any list, the names of the lists containing it; made once per
     * Parameters instance (the last one used is kept: one rule set is in service at a time).
     */
    private Map<Enum<?>, Set<String>> index() {
        Index last = lastIndex;
        if (last != null && last.parameters() == this) {
            return last.byValue();
        }
        Map<Enum<?>, Set<String>> byValue = new java.util.HashMap<>();
        for (Map.Entry<String, Function<Parameters, Set<?>>> e : LISTS.entrySet()) {
            for (Object v : e.getValue().apply(this)) {
                byValue.computeIfAbsent((Enum<?>) v, k -> new TreeSet<>()).add(e.getKey());
            }
        }
        byValue.replaceAll((k, v) -> Set.copyOf(v));
        Map<Enum<?>, Set<String>> index = Map.copyOf(byValue);
        lastIndex = new Index(this, index);
        return index;
    }

    private static volatile Index lastIndex;

    private record Index(Parameters parameters, Map<Enum<?>, Set<String>> byValue) {
    }

    /** Short form for traces: the lists are in reference/parameters.json. */
    @Override
    public String toString() {
        return "Parameters[edition=" + edition + ", homeCountry=" + homeCountry + ", stateOwnershipThresholdPercent="
                + stateOwnershipThresholdPercent + ", maxDataRetentionDays=" + maxDataRetentionDays
                + ", serviceLifeYears=" + serviceLifeYears + ", ...]";
    }
}
