package org.procsec.engine;

import org.procsec.engine.facts.Context;
import org.procsec.engine.facts.ItemFact;
import org.procsec.engine.facts.Party;
import org.procsec.engine.facts.PartyIdentity;
import org.procsec.engine.facts.Purchase;
import org.procsec.engine.facts.SiteFact;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.Site;
import org.procsec.model.SupplierRole;
import org.procsec.refdata.ClauseInfo;
import org.procsec.refdata.ReferenceData;
import org.procsec.refdata.VendorDirectory;
import org.procsec.refdata.VendorNames;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a request into the facts the rules match. */
final class FactBuilder {
    static final String SUPPLIER = "supplier";

    private FactBuilder() {
    }

    /** The request's facts; {@code asOf} null means the award date (POLICY 1.2). */
    static List<Object> facts(PurchaseRequest request, LocalDate asOf, ReferenceData data) {
        List<Object> facts = new ArrayList<>();
        Map<String, LocalDate> clauseDates = clauseDates(data.clauses());
        facts.add(new Context(asOf != null ? asOf : request.awardDate(), request.awardDate(), asOf != null,
                clauseDates));
        Services s = request.services();
        facts.add(new Purchase(request.id(), request.department().toUpperCase(Locale.ROOT), request.instrument(),
                request.awardDate(), request.supplier().role(), s.onSiteMaintenance(), s.access(), s.remoteAccess(),
                s.performedBy(), request.dataRetentionDays(), request.cseReview()));

        // The supplier, then each distinct manufacturer; a manufacturer with the supplier's
        // normalised name is the supplier.
        Organisation supplier = request.supplier();
        String supplierKey = VendorNames.normalise(supplier.name());
        Map<String, List<Integer>> itemsOf = new LinkedHashMap<>();
        Map<String, Organisation> manufacturers = new LinkedHashMap<>();
        List<String> manufacturerRefOfItem = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            Organisation m = request.items().get(i).manufacturer();
            String key = m == null ? supplierKey : VendorNames.normalise(m.name()) + "|" + m.country();
            if (m == null || VendorNames.normalise(m.name()).equals(supplierKey)) {
                manufacturerRefOfItem.add(SUPPLIER);
                continue;
            }
            manufacturers.putIfAbsent(key, m);
            itemsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            manufacturerRefOfItem.add("items[" + itemsOf.get(key).get(0) + "].manufacturer");
        }
        addParty(facts, data.directory(), SUPPLIER, true, "supplier " + supplier.name(), supplier);
        manufacturers.forEach((key, m) -> {
            List<Integer> items = itemsOf.get(key);
            StringBuilder label = new StringBuilder("manufacturer ").append(m.name()).append(" of ");
            for (int k = 0; k < items.size(); k++) {
                label.append(k == 0 ? "" : ", ").append("items[").append(items.get(k)).append(']');
            }
            addParty(facts, data.directory(), "items[" + items.get(0) + "].manufacturer", false, label.toString(),
                    m.withRole(SupplierRole.MANUFACTURER));
        });

        for (int i = 0; i < request.items().size(); i++) {
            Item item = request.items().get(i);
            List<Enum<?>> values = new ArrayList<>(item.capabilities());
            values.add(item.category());
            values.add(item.connectivity());
            facts.add(new ItemFact(i, item.category(), item.capabilities(), item.connectivity(),
                    manufacturerRefOfItem.get(i), data.parameters().listsContaining(values)));
        }
        for (int i = 0; i < request.sites().size(); i++) {
            Site site = request.sites().get(i);
            facts.add(new SiteFact(i, site.type(), site.zone(),
                    data.parameters().listsContaining(java.util.Arrays.asList(site.type(), site.zone()))));
        }
        return facts;
    }

    /** The in-force dates of the last clause index seen (one rule set is in service almost always). */
    private static volatile ClauseDates lastClauseDates;

    private record ClauseDates(Map<String, ClauseInfo> clauses, Map<String, LocalDate> dates) {
    }

    private static Map<String, LocalDate> clauseDates(Map<String, ClauseInfo> clauses) {
        ClauseDates last = lastClauseDates;
        if (last != null && last.clauses() == clauses) {
            return last.dates();
        }
        Map<String, LocalDate> dates = new HashMap<>();
        for (ClauseInfo c : clauses.values()) {
            if (c.inForceFrom() != null) {
                dates.put(c.id(), c.inForceFrom());
            }
        }
        dates = Map.copyOf(dates);
        lastClauseDates = new ClauseDates(clauses, dates);
        return dates;
    }

    private static void addParty(List<Object> facts, VendorDirectory directory, String ref, boolean supplier,
                                 String label, Organisation o) {
        facts.add(new Party(ref, supplier, label, o.name(), o.country(), o.role(), o.stateOwnershipPercent(),
                o.controllingState(), o.clearance().level(), o.clearance().expires()));
        for (VendorDirectory.Identity id : directory.identitiesOf(o.name())) {
            facts.add(new PartyIdentity(ref, id.key(), id.listedName(), id.via(), id.since()));
        }
    }
}
