package org.procsec.internal.facts;

import java.util.Set;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.SiteType;
import org.procsec.model.Zone;

/**
 * One site entry of the purchase; every item is installed at it (POLICY 1.6).
 *
 * @param index position in {@code sites}
 * @param type  site type
 * @param zone  security zone
 * @param lists names of the reference lists that contain its type or zone
 */
@ClassReactive
public record SiteFact(int index, SiteType type, Zone zone, Set<String> lists, int rq) implements RequestScoped {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public SiteFact(int index, SiteType type, Zone zone, Set<String> lists) {
        this(index, type, zone, lists, RequestScope.current());
    }

    public SiteFact {
        lists = Set.copyOf(lists);
    }

    /** True when the site's type or zone is in the reference list {@code list}; see {@link ItemFact#listed}. */
    public boolean listed(String list) {
        return ListNames.check(list) && lists.contains(list);
    }

    /** As a record prints itself, with the list names sorted (explain output is the same every run). */
    @Override
    public String toString() {
        return "SiteFact[index=" + index + ", type=" + type + ", zone=" + zone + ", lists=" + new java.util.TreeSet<>(lists)
                + "]";
    }

    /** How findings name it, e.g. {@code sites[0] (FOREIGN_MISSION, PUBLIC)}. */
    public String label() {
        return "sites[" + index + "] (" + type + ", " + zone + ")";
    }
}
