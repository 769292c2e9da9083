package org.procsec.refdata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves an organisation's name to the listed entities it counts as (POLICY 1.5): the entity
 * whose legal name or alias it matches, and the listed parent of a subsidiary it matches.
 */
public final class VendorDirectory {

    /**
     * A listed entity an organisation counts as.
     *
     * @param key        normalised legal name of the listed entity
     * @param listedName the entity's legal name as listed
     * @param via        how the match was made ("name", "alias" or "subsidiary of ...")
     * @param since      date from which the match holds (a subsidiary's date), or null: always
     */
    public record Identity(String key, String listedName, String via, LocalDate since) implements Dated {
        @Override
        public LocalDate inForceFrom() {
            return since;
        }
    }

    record Entry(String key, String listedName, boolean alias) {
    }

    private final Map<String, Entry> byNormalisedName;
    private final Map<String, Subsidiary> subsidiaries;

    VendorDirectory(Map<String, Entry> byNormalisedName, Map<String, Subsidiary> subsidiaries) {
        this.byNormalisedName = Map.copyOf(byNormalisedName);
        this.subsidiaries = Map.copyOf(subsidiaries);
    }

    static Map<String, Entry> newIndex() {
        return new java.util.HashMap<>();
    }

    /**
     * Adds a listed entity's name or alias; returns the key it already had when that normalised
     * name belongs to another entity (an ambiguous alias), null otherwise.
     */
    static String register(Map<String, Entry> index, String normalised, String key, String listedName,
                           boolean alias) {
        Entry existing = index.get(normalised);
        if (existing != null && !existing.key().equals(key)) {
            return existing.key();
        }
        if (existing == null || existing.alias() && !alias) {
            index.put(normalised, new Entry(key, listedName, alias));
        }
        return null;
    }

    /** The listed entities {@code name} counts as; empty when it matches none. */
    public List<Identity> identitiesOf(String name) {
        String n = VendorNames.normalise(name);
        List<Identity> out = new ArrayList<>(2);
        Entry e = byNormalisedName.get(n);
        if (e != null) {
            out.add(new Identity(e.key(), e.listedName(), e.alias() ? "alias" : "name", null));
        }
        Subsidiary s = subsidiaries.get(n);
        if (s != null) {
            out.add(new Identity(s.parentKey(), s.parentName(), "subsidiary of " + s.parentName(), s.inForceFrom()));
        }
        return out;
    }
}
