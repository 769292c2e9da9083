package org.procsec.internal.engine;

import org.procsec.internal.facts.Context;
import org.procsec.internal.facts.ItemFact;
import org.procsec.internal.facts.Party;
import org.procsec.internal.facts.PartyIdentity;
import org.procsec.internal.facts.PossibleIdentity;
import org.procsec.internal.facts.Purchase;
import org.procsec.internal.facts.RequestKey;
import org.procsec.internal.facts.SiteFact;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.Site;
import org.procsec.model.SupplierRole;
import org.procsec.internal.refdata.ClauseInfo;
import org.procsec.internal.refdata.ReferenceData;
import org.procsec.internal.refdata.VendorDirectory;

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
        return facts(request, asOf, data, 0);
    }

    /** The same, numbered {@code rq} within their session (org.procsec.internal.facts.RequestScoped). */
    static List<Object> facts(PurchaseRequest request, LocalDate asOf, ReferenceData data, int rq) {
        List<Object> facts = new ArrayList<>(8 + 2 * request.items().size() + request.sites().size());
        facts.add(new RequestKey(rq));
        Map<String, LocalDate> clauseDates = clauseDates(data.clauses());
        facts.add(new Context(asOf != null ? asOf : request.awardDate(), request.awardDate(), asOf != null,
                clauseDates, rq));
        Services s = request.services();
        facts.add(new Purchase(request.id(), request.department().toUpperCase(Locale.ROOT), request.instrument(),
                request.awardDate(), request.supplier().role(), s.onSiteMaintenance(), s.access(), s.remoteAccess(),
                s.performedBy(), request.dataRetentionDays(), request.cseReview(), rq));

        // POLICY 1.4: the supplier, then every manufacturer entry as stated, each its own party
        // (its own country, ownership and clearance), even when it bears the supplier's name.
        // Identical statements are one party naming all their items; the outcome never depends
        // on the order of the items.
        Organisation supplier = request.supplier();
        Map<Organisation, List<Integer>> itemsOf = new LinkedHashMap<>();
        for (int i = 0; i < request.items().size(); i++) {
            Organisation m = request.items().get(i).manufacturer();
            if (m != null) {
                itemsOf.computeIfAbsent(m.withRole(SupplierRole.MANUFACTURER), k -> new ArrayList<>()).add(i);
            }
        }
        String[] manufacturerRefOfItem = new String[request.items().size()];
        java.util.Arrays.fill(manufacturerRefOfItem, SUPPLIER);
        addParty(facts, data.directory(), SUPPLIER, true, "supplier " + supplier.name(), supplier, rq);
        itemsOf.forEach((m, items) -> {
            String ref = "items[" + items.get(0) + "].manufacturer";
            StringBuilder label = new StringBuilder("manufacturer ").append(m.name()).append(" of ");
            for (int k = 0; k < items.size(); k++) {
                label.append(k == 0 ? "" : ", ").append("items[").append(items.get(k)).append(']');
                manufacturerRefOfItem[items.get(k)] = ref;
            }
            addParty(facts, data.directory(), ref, false, label.toString(), m, rq);
        });

        for (int i = 0; i < request.items().size(); i++) {
            Item item = request.items().get(i);
            List<Enum<?>> values = new ArrayList<>(item.capabilities());
            values.add(item.category());
            values.add(item.connectivity());
            facts.add(new ItemFact(i, item.category(), item.capabilities(), item.connectivity(),
                    manufacturerRefOfItem[i], data.parameters().listsContaining(values), rq));
        }
        for (int i = 0; i < request.sites().size(); i++) {
            Site site = request.sites().get(i);
            facts.add(new SiteFact(i, site.type(), site.zone(),
                    data.parameters().listsContaining(java.util.Arrays.asList(site.type(), site.zone())), rq));
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
                                 String label, Organisation o, int rq) {
        VendorDirectory.Screening screening = directory.screen(o.name());
        facts.add(new Party(ref, supplier, label, o.name(), screening.normalised(), o.country(), o.role(),
                o.stateOwnershipPercent(), o.controllingState(), o.clearance().level(), o.clearance().expires(), rq));
        for (VendorDirectory.Identity id : screening.matches()) {
            facts.add(new PartyIdentity(ref, id.key(), id.listedName(), id.via(), id.since(), rq));
        }
        for (VendorDirectory.PossibleMatch pm : screening.possibleMatches()) {
            facts.add(new PossibleIdentity(ref, pm.key(), pm.listedName(), pm.how(), pm.since(), rq));
        }
    }
}
