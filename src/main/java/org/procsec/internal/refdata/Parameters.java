package org.procsec.internal.refdata;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Connectivity;
import org.procsec.model.SiteType;
import org.procsec.model.Zone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
        Index index = index();
        int mask = 0;
        for (Enum<?> v : values) {
            Integer in = v == null ? null : index.maskByValue().get(v);
            if (in != null) {
                mask |= in;
            }
        }
        return index.namesOf(mask);
    }

    /** The list names in a fixed order: list {@code i} is bit {@code i} of a mask. */
    private static final List<String> ORDER = orderOfBits();

    // An int mask holds 31 lists, and the name-set cache has 2^n entries: past 20 lists, say so at
    // class load rather than let shifted bits collide and a value silently miss a list.
    private static List<String> orderOfBits() {
        List<String> order = List.copyOf(new TreeSet<>(LISTS.keySet()));
        if (order.size() > 20) {
            throw new IllegalStateException(order.size() + " reference lists: Parameters.listsContaining"
                    + " keeps them as bits of an int, with a cache of 2^n name sets; change it before adding more than 20");
        }
        return order;
    }

    /**
     * For each value found in any list, the mask of the lists containing it; made once per
     * Parameters instance (the last one used is kept: one rule set is in service at a time). A
     * fact's set of names is then one lookup per value and no allocation (FactBuilder runs this
     * for every item and site of every request).
     */
    private Index index() {
        Index last = lastIndex;
        if (last != null && last.parameters() == this) {
            return last;
        }
        Map<Enum<?>, Integer> byValue = new java.util.HashMap<>();
        for (int i = 0; i < ORDER.size(); i++) {
            int bit = 1 << i;
            for (Object v : LISTS.get(ORDER.get(i)).apply(this)) {
                byValue.merge((Enum<?>) v, bit, (a, b) -> a | b);
            }
        }
        Index index = new Index(this, Map.copyOf(byValue), new AtomicReferenceArray<>(1 << ORDER.size()));
        lastIndex = index;
        return index;
    }

    private static volatile Index lastIndex;

    private record Index(Parameters parameters, Map<Enum<?>, Integer> maskByValue,
                         AtomicReferenceArray<Set<String>> namesByMask) {
        Set<String> namesOf(int mask) {
            Set<String> names = namesByMask.get(mask);
            if (names == null) {
                TreeSet<String> sorted = new TreeSet<>();
                for (int i = 0; i < ORDER.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        sorted.add(ORDER.get(i));
                    }
                }
                names = Set.copyOf(sorted);
                namesByMask.set(mask, names); // two threads may both make it: the same set
            }
            return names;
        }
    }

    /** Short form for traces: the lists are in reference/parameters.json. */
    @Override
    public String toString() {
        return "Parameters[edition=" + edition + ", homeCountry=" + homeCountry + ", stateOwnershipThresholdPercent="
                + stateOwnershipThresholdPercent + ", maxDataRetentionDays=" + maxDataRetentionDays
                + ", serviceLifeYears=" + serviceLifeYears + ", ...]";
    }
}
