package org.procsec.review;

import org.procsec.api.PolicyEngine;
import org.procsec.model.Access;
import org.procsec.model.Assessment;
import org.procsec.model.Capability;
import org.procsec.model.Clearance;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.SupplierRole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What would clear a request: for a REFER or REJECT request, the smallest sets of edits that make it
 * APPROVE or APPROVE_WITH_CONDITIONS, found by re-assessing candidate requests with the same engine
 * and date. Candidate edits: supplier clearance raised to each higher level (no expiry); CSE review
 * FAVOURABLE; data retention 30 days (when missing or above 30); an item's named manufacturer replaced
 * by {@value #CLEAN_MANUFACTURER} (CA, no state ownership); services access ESCORTED (when UNESCORTED);
 * remote access off (services.remoteAccess false and REMOTE_ACCESS removed from every item).
 * Singles are tried first, then pairs, then triples (at most one edit of each kind per set); only the
 * sets of the fewest edits that clear are returned, and of sets differing only in the clearance level,
 * only the lowest level. Replacing the supplier itself is not an edit within reach: when the supplier is
 * the manufacturer (an item names no manufacturer), no manufacturer edit is offered for that item.
 */
public final class Counterfactuals {
    /** The name of the synthetic clean manufacturer. */
    public static final String CLEAN_MANUFACTURER = "Cleared Domestic Manufacturer";
    /** The largest edit set tried. */
    public static final int MAX_EDITS = 3;

    private final PolicyEngine engine;

    /** Counterfactuals under {@code engine}. */
    public Counterfactuals(PolicyEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * The result for one request.
     *
     * @param decision the request's own decision
     * @param sets     the minimal edit sets that clear it; empty when it is already cleared or when none is within reach
     */
    public record Result(Decision decision, List<List<Edit>> sets) {
        public Result {
            Objects.requireNonNull(decision, "decision");
            sets = sets.stream().map(List::copyOf).toList();
        }

        /** True when the request is REFER or REJECT and no edit set within reach clears it. */
        public boolean noneWithinReach() {
            return !cleared(decision) && sets.isEmpty();
        }
    }

    private record Candidate(Edit edit, int rank, UnaryOperator<PurchaseRequest> apply) {
    }

    /** The minimal edit sets for {@code request} assessed at {@code asOf} (null: award date). */
    public Result find(PurchaseRequest request, LocalDate asOf) {
        return find(request, asOf, engine.assess(request, asOf).decision());
    }

    /** As {@link #find(PurchaseRequest, LocalDate)}, when the decision is already known. */
    public Result find(PurchaseRequest request, LocalDate asOf, Decision decision) {
        if (cleared(decision)) {
            return new Result(decision, List.of());
        }
        List<Candidate> candidates = candidates(request, asOf == null ? request.awardDate() : asOf);
        for (int size = 1; size <= Math.min(MAX_EDITS, candidates.size()); size++) {
            List<List<Candidate>> clearing = new ArrayList<>();
            for (List<Candidate> set : combinations(candidates, size)) {
                PurchaseRequest edited = request;
                for (Candidate c : set) {
                    edited = c.apply().apply(edited);
                }
                Assessment a = engine.assess(edited, asOf);
                if (cleared(a.decision())) {
                    clearing.add(set);
                }
            }
            if (!clearing.isEmpty()) {
                return new Result(decision, lowestClearance(clearing));
            }
        }
        return new Result(decision, List.of());
    }

    private static boolean cleared(Decision d) {
        return d == Decision.APPROVE || d == Decision.APPROVE_WITH_CONDITIONS;
    }

    /** Of sets equal but for the clearance level, keeps the lowest level. */
    private static List<List<Edit>> lowestClearance(List<List<Candidate>> sets) {
        Map<String, List<Candidate>> best = new java.util.LinkedHashMap<>();
        Map<String, Integer> bestRank = new HashMap<>();
        for (List<Candidate> set : sets) {
            String key = set.stream().filter(c -> !c.edit().kind().equals("clearance"))
                    .map(c -> c.edit().description()).toList().toString();
            int rank = set.stream().filter(c -> c.edit().kind().equals("clearance"))
                    .mapToInt(Candidate::rank).findFirst().orElse(-1);
            if (!bestRank.containsKey(key) || rank < bestRank.get(key)) {
                best.put(key, set);
                bestRank.put(key, rank);
            }
        }
        return best.values().stream().map(set -> set.stream().map(Candidate::edit).toList()).toList();
    }

    private static List<List<Candidate>> combinations(List<Candidate> candidates, int size) {
        List<List<Candidate>> out = new ArrayList<>();
        combine(candidates, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static void combine(List<Candidate> candidates, int size, int start, List<Candidate> current,
                                List<List<Candidate>> out) {
        if (current.size() == size) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = start; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            boolean sameKind = current.stream().anyMatch(x -> x.edit().kind().equals(c.edit().kind())
                    && !c.edit().kind().equals("manufacturer"));
            if (sameKind) {
                continue;
            }
            current.add(c);
            combine(candidates, size, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }

    private static List<Candidate> candidates(PurchaseRequest request, LocalDate date) {
        List<Candidate> out = new ArrayList<>();
        ClearanceLevel held = request.supplier().clearance().levelOn(date);
        for (ClearanceLevel level : ClearanceLevel.values()) {
            if (level.compareTo(held) > 0) {
                out.add(new Candidate(new Edit("clearance", "supplier clearance " + level + " (no expiry)"),
                        level.rank(), r -> r.withSupplier(r.supplier().withClearance(new Clearance(level, null)))));
            }
        }
        if (request.cseReview() != CseStatus.FAVOURABLE) {
            out.add(new Candidate(new Edit("cseReview", "cseReview FAVOURABLE"), 0,
                    r -> r.withCseReview(CseStatus.FAVOURABLE)));
        }
        if (request.dataRetentionDays() == null || request.dataRetentionDays() > 30) {
            out.add(new Candidate(new Edit("dataRetentionDays", "dataRetentionDays 30"), 0,
                    r -> r.withDataRetentionDays(30)));
        }
        Organisation clean = Organisation.of(CLEAN_MANUFACTURER, "CA", SupplierRole.MANUFACTURER);
        for (int i = 0; i < request.items().size(); i++) {
            Item item = request.items().get(i);
            if (item.manufacturer() != null && !item.manufacturer().equals(clean)) {
                int index = i;
                String what = item.description().isEmpty() ? "item " + (i + 1) : "item " + (i + 1)
                        + " (" + item.description() + ")";
                out.add(new Candidate(new Edit("manufacturer", what + " manufacturer " + item.manufacturer().name()
                        + " -> " + CLEAN_MANUFACTURER + " (CA)"), 0, r -> {
                    List<Item> items = new ArrayList<>(r.items());
                    items.set(index, items.get(index).withManufacturer(clean));
                    return r.withItems(items);
                }));
            }
        }
        if (request.services().access() == Access.UNESCORTED) {
            out.add(new Candidate(new Edit("access", "services.access ESCORTED"), 0,
                    r -> r.withServices(r.services().withAccess(Access.ESCORTED))));
        }
        boolean remote = request.services().remoteAccess()
                || request.items().stream().anyMatch(it -> it.has(Capability.REMOTE_ACCESS));
        if (remote) {
            out.add(new Candidate(new Edit("remoteAccess", "no remote access (services.remoteAccess false, "
                    + "REMOTE_ACCESS removed from items)"), 0, r -> r
                    .withServices(r.services().withRemoteAccess(false))
                    .withItems(r.items().stream().map(it -> {
                        Set<Capability> caps = it.capabilities().isEmpty()
                                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(it.capabilities());
                        caps.remove(Capability.REMOTE_ACCESS);
                        return it.withCapabilities(caps);
                    }).toList())));
        }
        return out;
    }
}
