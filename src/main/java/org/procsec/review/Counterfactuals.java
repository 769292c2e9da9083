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
 * and date. The candidates follow the rule set in use, never constants of its own: the supplier's
 * clearance raised to each level above the {@code heldClearance} the rules found (no expiry); CSE
 * review FAVOURABLE; {@code dataRetentionDays} set to the rule set's {@code maxDataRetentionDays}
 * (when missing or above it); each distinct manufacturer statement replaced by
 * {@value #CLEAN_MANUFACTURER} of the rule set's home country (no state ownership; with more than
 * {@value #MAX_MANUFACTURER_EDITS} distinct statements, one edit replaces them all); services access
 * ESCORTED (when UNESCORTED); remote access off. Singles are tried first, then pairs, then triples
 * (at most one edit of each kind per set, manufacturers aside); only the sets of the fewest edits that
 * clear are returned, and of sets differing only in the clearance level, only the lowest level.
 * Replacing the supplier itself is not an edit within reach.
 *
 * <p>The search is bounded: at most {@link #maxAssessments()} re-assessments per request
 * ({@value #DEFAULT_MAX_ASSESSMENTS} by default). A result cut short by the cap says so
 * ({@link Result#capped()}); what it found until then is still a set of edits that clears.
 */
public final class Counterfactuals {
    /** The name of the synthetic clean manufacturer. */
    public static final String CLEAN_MANUFACTURER = "Cleared Domestic Manufacturer";
    /** The largest edit set tried. */
    public static final int MAX_EDITS = 3;
    /** Distinct manufacturer statements tried one by one; beyond this, one edit replaces them all. */
    public static final int MAX_MANUFACTURER_EDITS = 8;
    /** Re-assessments per request when none is given. */
    public static final int DEFAULT_MAX_ASSESSMENTS = 200;

    private final PolicyEngine engine;
    private final int maxAssessments;

    /** Counterfactuals under {@code engine}, at most {@value #DEFAULT_MAX_ASSESSMENTS} re-assessments a request. */
    public Counterfactuals(PolicyEngine engine) {
        this(engine, DEFAULT_MAX_ASSESSMENTS);
    }

    /** Counterfactuals under {@code engine}, at most {@code maxAssessments} re-assessments a request. */
    public Counterfactuals(PolicyEngine engine, int maxAssessments) {
        this.engine = Objects.requireNonNull(engine, "engine");
        if (maxAssessments < 1) {
            throw new IllegalArgumentException("maxAssessments: expected >= 1, got " + maxAssessments);
        }
        this.maxAssessments = maxAssessments;
    }

    /** The cap on re-assessments per request. */
    public int maxAssessments() {
        return maxAssessments;
    }

    /**
     * The result for one request.
     *
     * @param decision    the request's own decision
     * @param sets        the minimal edit sets that clear it; empty when it is already cleared or when none
     *                    is within reach (or none was found before the cap)
     * @param assessments the re-assessments the search made
     * @param capped      true when the cap on re-assessments cut the search short
     */
    public record Result(Decision decision, List<List<Edit>> sets, int assessments, boolean capped) {
        public Result {
            Objects.requireNonNull(decision, "decision");
            sets = sets.stream().map(List::copyOf).toList();
        }

        /** True when the request is REFER or REJECT and the whole search found no edit set that clears it. */
        public boolean noneWithinReach() {
            return !cleared(decision) && sets.isEmpty() && !capped;
        }
    }

    private record Candidate(Edit edit, int rank, UnaryOperator<PurchaseRequest> apply) {
    }

    /** The minimal edit sets for {@code request} assessed at {@code asOf} (null: award date). */
    public Result find(PurchaseRequest request, LocalDate asOf) {
        return find(request, asOf, engine.assess(request, asOf));
    }

    /** As {@link #find(PurchaseRequest, LocalDate)}, with the request's assessment already made. */
    public Result find(PurchaseRequest request, LocalDate asOf, Assessment assessment) {
        Decision decision = assessment.decision();
        if (cleared(decision)) {
            return new Result(decision, List.of(), 0, false);
        }
        List<Candidate> candidates = candidates(request, assessment,
                org.procsec.internal.engine.EngineCore.of(engine).rules().referenceData().parameters());
        int assessments = 0;
        for (int size = 1; size <= Math.min(MAX_EDITS, candidates.size()); size++) {
            List<List<Candidate>> sets = combinations(candidates, size);
            // Up to the cap, the edited requests of one size are assessed together (PolicyEngine.assessAll).
            List<List<Candidate>> tried = sets.subList(0, Math.min(sets.size(), maxAssessments - assessments));
            List<PurchaseRequest> edits = new ArrayList<>(tried.size());
            for (List<Candidate> set : tried) {
                PurchaseRequest edited = request;
                for (Candidate c : set) {
                    edited = c.apply().apply(edited);
                }
                edits.add(edited);
            }
            List<Assessment> results = engine.assessAll(edits, asOf);
            assessments += tried.size();
            List<List<Candidate>> clearing = new ArrayList<>();
            for (int i = 0; i < tried.size(); i++) {
                if (cleared(results.get(i).decision())) {
                    clearing.add(tried.get(i));
                }
            }
            if (tried.size() < sets.size()) {
                return new Result(decision, lowestClearance(clearing), assessments, true);
            }
            if (!clearing.isEmpty()) {
                return new Result(decision, lowestClearance(clearing), assessments, false);
            }
        }
        return new Result(decision, List.of(), assessments, false);
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

    private static List<Candidate> candidates(PurchaseRequest request, Assessment assessment,
                                              org.procsec.internal.refdata.Parameters parameters) {
        List<Candidate> out = new ArrayList<>();
        if (request.cseReview() != CseStatus.FAVOURABLE) {
            out.add(new Candidate(new Edit("cseReview", "cseReview FAVOURABLE"), 0,
                    r -> r.withCseReview(CseStatus.FAVOURABLE)));
        }
        for (ClearanceLevel level : ClearanceLevel.values()) {
            if (level.compareTo(assessment.heldClearance()) > 0) {
                out.add(new Candidate(new Edit("clearance", "supplier.clearance " + level + " (no expiry)"),
                        level.rank(), r -> r.withSupplier(r.supplier().withClearance(new Clearance(level, null)))));
            }
        }
        int maxDays = parameters.maxDataRetentionDays();
        if (request.dataRetentionDays() == null || request.dataRetentionDays() > maxDays) {
            out.add(new Candidate(new Edit("dataRetentionDays", "dataRetentionDays " + maxDays), 0,
                    r -> r.withDataRetentionDays(maxDays)));
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
        // One edit per distinct manufacturer statement (1.4): identical statements on many items are
        // one organisation, replaced on all of them at once.
        Organisation clean = Organisation.of(CLEAN_MANUFACTURER, parameters.homeCountry(), SupplierRole.MANUFACTURER);
        Map<Organisation, List<Integer>> itemsOf = new java.util.LinkedHashMap<>();
        for (int i = 0; i < request.items().size(); i++) {
            Organisation m = request.items().get(i).manufacturer();
            if (m != null && !m.equals(clean)) {
                itemsOf.computeIfAbsent(m, k -> new ArrayList<>()).add(i);
            }
        }
        if (itemsOf.size() > MAX_MANUFACTURER_EDITS) {
            // Too many to try one by one (and in pairs): one edit replaces them all.
            List<Integer> all = itemsOf.values().stream().flatMap(List::stream).sorted().toList();
            out.add(new Candidate(new Edit("manufacturer", "every named manufacturer (" + itemsOf.size()
                    + " organisations on " + all.size() + " items) -> " + CLEAN_MANUFACTURER + " ("
                    + clean.country() + ")"), 0, r -> {
                List<Item> items = new ArrayList<>(r.items());
                for (int i : all) {
                    items.set(i, items.get(i).withManufacturer(clean));
                }
                return r.withItems(items);
            }));
            return out;
        }
        itemsOf.forEach((m, indexes) -> {
            String where = String.join(", ", indexes.stream().map(i -> "items[" + i + "]").toList());
            out.add(new Candidate(new Edit("manufacturer", where + ".manufacturer " + m.name() + " -> "
                    + CLEAN_MANUFACTURER + " (" + clean.country() + ")"), 0, r -> {
                List<Item> items = new ArrayList<>(r.items());
                for (int i : indexes) {
                    items.set(i, items.get(i).withManufacturer(clean));
                }
                return r.withItems(items);
            }));
        });
        return out;
    }
}
