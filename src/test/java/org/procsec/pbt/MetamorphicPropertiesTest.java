package org.procsec.pbt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.procsec.TestEngines;
import org.procsec.api.PolicyEngine;
import org.procsec.model.Assessment;
import org.procsec.model.Capability;
import org.procsec.model.Clearance;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.Finding;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Site;
import org.procsec.model.SupplierRole;
import org.procsec.model.Zone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metamorphic properties of the policy on generated requests: edits that can only add risk never
 * make the decision more permissive (APPROVE &lt; APPROVE_WITH_CONDITIONS &lt; REFER &lt; REJECT).
 * Each property names the POLICY clauses that imply it. A failure prints the shrunk request (its
 * JSON), the edit, and both assessments.
 */
class MetamorphicPropertiesTest {
    /** Listing dates in the bundled reference data (allied lists from 2021-03-12 at the latest; 5.1). */
    private static final LocalDate ALL_ALLIED_LISTED = LocalDate.of(2021, 3, 12);
    private static final LocalDate HIKVISION_PROHIBITED = LocalDate.of(2025, 6, 27);

    private final PolicyEngine engine = TestEngines.bundled();

    @Provide
    Arbitrary<GeneratedRequest> requests() {
        return RequestArbitraries.requests();
    }

    @Provide
    Arbitrary<LocalDate> asOf() {
        return RequestArbitraries.asOfDates();
    }

    @Provide
    Arbitrary<Organisation> prohibited() {
        return RequestArbitraries.manufacturers(Arbitraries.of(RequestArbitraries.PROHIBITED));
    }

    @Provide
    Arbitrary<Organisation> allied() {
        return RequestArbitraries.manufacturers(Arbitraries.of(RequestArbitraries.ALLIED));
    }

    @Provide
    Arbitrary<Capability> capability() {
        return Arbitraries.of(Capability.class);
    }

    /** 1.4, 4.4, 5.1: another manufacturer can only add parties to check, never remove findings. */
    @Property(tries = 250)
    void addingAProhibitedManufacturer_neverMorePermissive(@ForAll("requests") GeneratedRequest g,
                                                           @ForAll("prohibited") Organisation maker,
                                                           @ForAll @IntRange(max = 99) int which,
                                                           @ForAll("asOf") LocalDate asOf) {
        PurchaseRequest edited = withExtraItemBy(g.request(), maker, which);
        Pair p = assessBoth(g.request(), edited, asOf);
        p.assertNotMorePermissive("add an item made by " + maker.name());
        if (effective(g.request(), asOf).isBefore(HIKVISION_PROHIBITED)) {
            return;
        }
        assertThat(p.after.decision()).as(p.describe("prohibited manufacturer " + maker.name()))
                .isEqualTo(Decision.REJECT);
        assertThat(p.after.prohibited()).isTrue();
        assertThat(p.after.hasFinding("PRH-5.1-prohibited-vendor")).isTrue();
    }

    /** 1.4, 4.4: an allied-listed manufacturer adds a CSE trigger from its listing date. */
    @Property(tries = 250)
    void addingAnAlliedListedManufacturer_neverMorePermissive(@ForAll("requests") GeneratedRequest g,
                                                              @ForAll("allied") Organisation maker,
                                                              @ForAll @IntRange(max = 99) int which,
                                                              @ForAll("asOf") LocalDate asOf) {
        PurchaseRequest edited = withExtraItemBy(g.request(), maker, which);
        Pair p = assessBoth(g.request(), edited, asOf);
        p.assertNotMorePermissive("add an item made by " + maker.name());
        if (!effective(g.request(), asOf).isBefore(ALL_ALLIED_LISTED)) {
            assertThat(p.after.cseReviewRequired()).as(p.describe("allied-listed " + maker.name())).isTrue();
            assertThat(p.after.hasFinding("CSE-4.4-allied-restriction")).isTrue();
        }
    }

    /** 3.5, 3.7, 6.1: a lower held level meets fewer requirements and needs more escorting. */
    @Property(tries = 250)
    void loweringTheSuppliersClearance_neverMorePermissive(@ForAll("requests") GeneratedRequest g,
                                                           @ForAll @IntRange(max = 3) int lower,
                                                           @ForAll("asOf") LocalDate asOf) {
        Organisation s = g.request().supplier();
        ClearanceLevel level = ClearanceLevel.values()[Math.max(0, s.clearance().level().ordinal() - lower)];
        PurchaseRequest edited = g.request()
                .withSupplier(s.withClearance(new Clearance(level, s.clearance().expires())));
        assessBoth(g.request(), edited, asOf).assertNotMorePermissive("lower the supplier's clearance to " + level);
    }

    /** 3.5: an expired clearance counts as NONE, which meets no requirement above NONE. */
    @Property(tries = 250)
    void expiringTheSuppliersClearance_neverMorePermissive(@ForAll("requests") GeneratedRequest g,
                                                           @ForAll @IntRange(min = 1, max = 3000) int daysBefore,
                                                           @ForAll("asOf") LocalDate asOf) {
        Organisation s = g.request().supplier();
        LocalDate expired = effective(g.request(), asOf).minusDays(daysBefore);
        PurchaseRequest edited = g.request().withSupplier(
                s.withClearance(new Clearance(s.clearance().level(), expired)));
        Pair p = assessBoth(g.request(), edited, asOf);
        p.assertNotMorePermissive("let the supplier's clearance expire on " + expired);
        assertThat(p.after.heldClearance()).as(p.describe("expired on " + expired)).isEqualTo(ClearanceLevel.NONE);
    }

    /** 2.5, 3.3: a more secure zone can add the SECURE_ZONE sector and raises the required level. */
    @Property(tries = 250)
    void movingASiteToAMoreSecureZone_neverMorePermissive(@ForAll("requests") GeneratedRequest g,
                                                          @ForAll @IntRange(max = 99) int which,
                                                          @ForAll @IntRange(max = 4) int raise,
                                                          @ForAll("asOf") LocalDate asOf) {
        List<Site> sites = new ArrayList<>(g.request().sites());
        int k = which % sites.size();
        Zone zone = Zone.values()[Math.min(Zone.values().length - 1, sites.get(k).zone().ordinal() + raise)];
        sites.set(k, sites.get(k).withZone(zone));
        Pair p = assessBoth(g.request(), g.request().withSites(sites), asOf);
        p.assertNotMorePermissive("move sites[" + k + "] to " + zone);
        assertThat(p.after.requiredClearance().meets(p.before.requiredClearance()))
                .as(p.describe("required clearance")).isTrue();
    }

    /** 4.1, 4.3, 5.2, 6.2-6.5: a data capability only adds triggers, prohibitions and conditions. */
    @Property(tries = 250)
    void addingADataCapability_neverMorePermissive(@ForAll("requests") GeneratedRequest g,
                                                   @ForAll @IntRange(max = 99) int which,
                                                   @ForAll("capability") Capability capability,
                                                   @ForAll("asOf") LocalDate asOf) {
        List<Item> items = new ArrayList<>(g.request().items());
        int k = which % items.size();
        Set<Capability> caps = EnumSet.of(capability);
        caps.addAll(items.get(k).capabilities());
        items.set(k, items.get(k).withCapabilities(caps));
        Pair p = assessBoth(g.request(), g.request().withItems(items), asOf);
        p.assertNotMorePermissive("add " + capability + " to items[" + k + "]");
        if (p.before.cseReviewRequired()) {
            assertThat(p.after.cseReviewRequired()).as(p.describe("cseReviewRequired")).isTrue();
        }
    }

    /** 4.5: an UNFAVOURABLE review rejects, whatever else holds. */
    @Property(tries = 250)
    void unfavourableInsteadOfFavourable_rejects(@ForAll("requests") GeneratedRequest g,
                                                 @ForAll("asOf") LocalDate asOf) {
        PurchaseRequest favourable = g.request().withCseReview(CseStatus.FAVOURABLE);
        Pair p = assessBoth(favourable, favourable.withCseReview(CseStatus.UNFAVOURABLE), asOf);
        p.assertNotMorePermissive("turn the FAVOURABLE review UNFAVOURABLE");
        assertThat(p.after.decision()).as(p.describe("UNFAVOURABLE")).isEqualTo(Decision.REJECT);
    }

    /**
     * 1.2, 5.1, 5.3: once a prohibition applies, a later as-of date keeps it (lists only add entries
     * over time, and dated clauses only come into force). A prohibited vendor is put in on purpose.
     */
    @Property(tries = 250)
    void laterAsOfDate_neverUnprohibits(@ForAll("requests") GeneratedRequest g,
                                        @ForAll("prohibited") Organisation maker,
                                        @ForAll @IntRange(max = 99) int which,
                                        @ForAll("asOf") LocalDate first,
                                        @ForAll @IntRange(max = 4000) int daysLater) {
        PurchaseRequest r = which % 2 == 0 ? withExtraItemBy(g.request(), maker, which)
                : g.request().withSupplier(g.request().supplier().withName(maker.name()));
        LocalDate d1 = first != null ? first : r.awardDate();
        LocalDate d2 = d1.plusDays(daysLater);
        Pair p = new Pair(r, engine.assess(r, d1), r, engine.assess(r, d2), "as of " + d2 + " instead of " + d1);
        if (p.before.prohibited()) {
            assertThat(p.after.prohibited()).as(p.describe("prohibited")).isTrue();
            assertThat(p.after.decision()).as(p.describe("decision")).isEqualTo(Decision.REJECT);
            assertThat(ruleIds(p.after, "PRH-")).as(p.describe("prohibition findings"))
                    .containsAll(ruleIds(p.before, "PRH-"));
        }
        if (!d2.isBefore(HIKVISION_PROHIBITED)) {
            assertThat(p.after.hasFinding("PRH-5.1-prohibited-vendor")).as(p.describe("Hikvision in force")).isTrue();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The request with one more item: a copy of one of its items, made by {@code maker}. */
    private static PurchaseRequest withExtraItemBy(PurchaseRequest r, Organisation maker, int which) {
        List<Item> items = new ArrayList<>(r.items());
        items.add(items.get(which % items.size()).withManufacturer(maker.withRole(SupplierRole.MANUFACTURER)));
        return r.withItems(items);
    }

    private static LocalDate effective(PurchaseRequest r, LocalDate asOf) {
        return asOf != null ? asOf : r.awardDate();
    }

    private Pair assessBoth(PurchaseRequest before, PurchaseRequest after, LocalDate asOf) {
        return new Pair(before, engine.assess(before, asOf), after, engine.assess(after, asOf),
                asOf == null ? "as of the award date" : "as of " + asOf);
    }

    private static Set<String> ruleIds(Assessment a, String prefix) {
        return a.findings().stream().map(Finding::ruleId).filter(id -> id.startsWith(prefix))
                .collect(Collectors.toSet());
    }

    /** A request before and after an edit, and their assessments. */
    private record Pair(PurchaseRequest beforeRequest, Assessment before, PurchaseRequest afterRequest,
                        Assessment after, String when) {
        void assertNotMorePermissive(String edit) {
            assertThat(after.decision().atLeast(before.decision()))
                    .as(describe(edit + ": decision went from " + before.decision() + " to " + after.decision()))
                    .isTrue();
        }

        String describe(String what) {
            return what + " (" + when + ")\nedited request:\n"
                    + RequestText.write(afterRequest, RequestText.Style.PLAIN)
                    + "\nfindings before: " + before.findings() + "\nfindings after: " + after.findings();
        }
    }
}
