package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Connectivity;

import java.util.Set;
import java.util.TreeSet;

/**
 * One item of the purchase.
 *
 * @param index           position in {@code items}
 * @param category        item category
 * @param capabilities    data capabilities
 * @param connectivity    connectivity
 * @param manufacturerRef ref of the manufacturer's {@link Party} (the supplier's when none is named)
 * @param lists           names of the reference lists (reference/parameters.json) that contain the
 *                        item's category, connectivity or one of its capabilities
 */
@ClassReactive
public record ItemFact(int index, Category category, Set<Capability> capabilities, Connectivity connectivity,
                       String manufacturerRef, Set<String> lists, int rq) implements RequestScoped {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public ItemFact(int index, Category category, Set<Capability> capabilities, Connectivity connectivity, String manufacturerRef, Set<String> lists) {
        this(index, category, capabilities, connectivity, manufacturerRef, lists, RequestScope.current());
    }

    public ItemFact {
        capabilities = Set.copyOf(capabilities);
        lists = Set.copyOf(lists);
    }

    /**
     * True when the item's category, connectivity or one of its capabilities is in the reference
     * list {@code list}, e.g. {@code listed("detectionCategories")}. An unknown list name throws,
     * so that a typo fails the assessment (REFER) instead of silently matching nothing.
     */
    public boolean listed(String list) {
        return ListNames.check(list) && lists.contains(list);
    }

    /** True when the item has {@code capability}. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /** True when the item has any of {@code wanted}. */
    public boolean hasAny(Set<Capability> wanted) {
        for (Capability c : capabilities) {
            if (wanted.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** The item's capabilities that are in {@code wanted}, sorted by name, e.g. {@code [IMAGE_CAPTURE, LOCAL_STORAGE]}. */
    public String among(Set<Capability> wanted) {
        Set<String> out = new TreeSet<>();
        for (Capability c : capabilities) {
            if (wanted.contains(c)) {
                out.add(c.name());
            }
        }
        return out.toString();
    }

    /** As a record prints itself, with capabilities and list names sorted (explain output is the same every run). */
    @Override
    public String toString() {
        return "ItemFact[index=" + index + ", category=" + category + ", capabilities=" + new TreeSet<>(capabilities)
                + ", connectivity=" + connectivity + ", manufacturerRef=" + manufacturerRef + ", lists="
                + new TreeSet<>(lists) + "]";
    }

    /** How findings name it, e.g. {@code items[0] (XRAY_SCREENING)}. */
    public String label() {
        return "items[" + index + "] (" + category + ")";
    }
}
