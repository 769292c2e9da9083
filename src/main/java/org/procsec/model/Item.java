package org.procsec.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An item of a purchase.
 *
 * @param description  free text, may be empty
 * @param category     the item category
 * @param quantity     number of units, at least 1
 * @param manufacturer the manufacturer, or null when the supplier is the manufacturer
 * @param capabilities data capabilities (POLICY 4.1); empty when none
 * @param connectivity how the item is connected
 */
public record Item(String description, Category category, int quantity, Organisation manufacturer,
                   Set<Capability> capabilities, Connectivity connectivity) {
    public Item {
        description = description == null ? "" : description;
        RequestRules.check("description", RequestRules.text(description, false));
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(connectivity, "connectivity");
        RequestRules.check("quantity", RequestRules.range(quantity, 1, Integer.MAX_VALUE));
        if (manufacturer != null) {
            RequestRules.check("manufacturer.role", RequestRules.manufacturerRole(manufacturer.role()));
        }
        capabilities = capabilities == null || capabilities.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
    }

    /** True when the item has {@code capability}. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public Item withManufacturer(Organisation newManufacturer) {
        return new Item(description, category, quantity, newManufacturer, capabilities, connectivity);
    }

    public Item withCapabilities(Set<Capability> newCapabilities) {
        return new Item(description, category, quantity, manufacturer, newCapabilities, connectivity);
    }

    public Item withConnectivity(Connectivity newConnectivity) {
        return new Item(description, category, quantity, manufacturer, capabilities, newConnectivity);
    }

    public Item withCategory(Category newCategory) {
        return new Item(description, newCategory, quantity, manufacturer, capabilities, connectivity);
    }
}
