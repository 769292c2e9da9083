package org.procsec.review;

import org.junit.jupiter.api.Test;
import org.procsec.TestEngines;
import org.procsec.io.RequestJson;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.PurchaseRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CounterfactualsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    final Counterfactuals cf = new Counterfactuals(TestEngines.bundled());

    static PurchaseRequest example(String name) throws Exception {
        return RequestJson.parse(Files.readString(Path.of("examples", name + ".json")));
    }

    @Test
    void clearedSupplierWithoutReviewNeedsOnlyAFavourableReview() throws Exception {
        PurchaseRequest r = example("gac-cleared-supplier").withCseReview(CseStatus.NOT_REQUESTED);
        Counterfactuals.Result result = cf.find(r, null);
        assertThat(result.decision()).isEqualTo(Decision.REFER);
        assertThat(result.sets()).containsExactly(List.of(new Edit("cseReview", "cseReview FAVOURABLE")));
        assertThat(result.noneWithinReach()).isFalse();
    }

    @Test
    void aClearedRequestNeedsNothing() throws Exception {
        Counterfactuals.Result result = cf.find(example("gac-cleared-supplier"), null);
        assertThat(result.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        assertThat(result.sets()).isEmpty();
        assertThat(result.noneWithinReach()).isFalse();
    }

    @Test
    void nuctechTodayIsNotWithinReach() throws Exception {
        // The supplier (CN) cannot be cleared and is the manufacturer: replacing the supplier is not an edit.
        Counterfactuals.Result result = cf.find(example("gac-nuctech-standing-offer"), TODAY);
        assertThat(result.decision()).isEqualTo(Decision.REJECT);
        assertThat(result.sets()).isEmpty();
        assertThat(result.noneWithinReach()).isTrue();
    }

    @Test
    void hikvisionCamerasViaResellerClearWithACleanManufacturerAndAReview() throws Exception {
        Counterfactuals.Result result = cf.find(example("pspc-hikvision-cameras"), TODAY);
        assertThat(result.decision()).isEqualTo(Decision.REJECT);
        assertThat(result.sets()).isNotEmpty().allSatisfy(set -> {
            assertThat(set).extracting(Edit::kind).contains("manufacturer");
            assertThat(set.size()).isEqualTo(result.sets().get(0).size());
        });
        assertThat(result.sets()).anySatisfy(set -> assertThat(set).extracting(Edit::kind)
                .containsExactlyInAnyOrder("manufacturer", "cseReview"));
        assertThat(result.sets().get(0)).anySatisfy(e -> assertThat(e.description())
                .contains(Counterfactuals.CLEAN_MANUFACTURER, "Hikvision"));
    }

    @Test
    void editsNameItemsAsFindingsDo() throws Exception {
        Counterfactuals.Result result = cf.find(example("pspc-hikvision-cameras"), TODAY);
        assertThat(result.sets()).anySatisfy(set -> assertThat(set).anySatisfy(e ->
                assertThat(e.description()).startsWith("items[0].manufacturer ")));
    }

    @Test
    void editsFollowTheRuleSetInUse_notConstants(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path rules = org.procsec.TestRules.copyBundled(tmp);
        org.procsec.TestRules.edit(rules.resolve("reference/parameters.json"), "\"maxDataRetentionDays\": 30",
                "\"maxDataRetentionDays\": 14");
        org.procsec.api.PolicyEngine engine = org.procsec.api.PolicyEngine.builder()
                .rules(org.procsec.ruleset.RuleSource.directory(rules)).build();
        PurchaseRequest r = example("gac-cleared-supplier").withDataRetentionDays(20);
        Counterfactuals.Result result = new Counterfactuals(engine).find(r, null);
        assertThat(result.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        Counterfactuals.Result missing = new Counterfactuals(engine).find(r.withDataRetentionDays(null), null);
        assertThat(missing.sets()).containsExactly(List.of(new Edit("dataRetentionDays", "dataRetentionDays 14")));
        assertThat(cf.find(r.withDataRetentionDays(null), null).sets())
                .containsExactly(List.of(new Edit("dataRetentionDays", "dataRetentionDays 30")));
    }

    @Test
    void theSearchStopsAtTheCap_andSaysSo() throws Exception {
        PurchaseRequest r = example("pspc-hikvision-cameras");
        List<org.procsec.model.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < Counterfactuals.MAX_MANUFACTURER_EDITS; i++) {
            items.add(r.items().get(0).withManufacturer(org.procsec.model.Organisation.of("Maker " + i, "CN",
                    org.procsec.model.SupplierRole.MANUFACTURER).withStateOwnership(60, null)));
        }
        PurchaseRequest many = r.withItems(items);
        long start = System.nanoTime();
        Counterfactuals.Result result = new Counterfactuals(TestEngines.bundled(), 5).find(many, TODAY);
        assertThat(result.capped()).isTrue();
        assertThat(result.assessments()).isEqualTo(5);
        assertThat(result.noneWithinReach()).isFalse();
        assertThat(org.procsec.review.DiffText.clear(result)).contains("cap of 5 re-assessments");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(30));
    }

    @Test
    void aHundredDistinctManufacturers_areOneEdit_andTheSearchStaysSmall() throws Exception {
        PurchaseRequest r = example("pspc-hikvision-cameras");
        List<org.procsec.model.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(r.items().get(0).withManufacturer(org.procsec.model.Organisation.of("Maker " + i, "CN",
                    org.procsec.model.SupplierRole.MANUFACTURER).withStateOwnership(60, null)));
        }
        Counterfactuals.Result result = cf.find(r.withItems(items).withCseReview(CseStatus.NOT_REQUESTED), TODAY);
        assertThat(result.capped()).isFalse();
        assertThat(result.assessments()).isLessThan(50);
        assertThat(result.sets()).isNotEmpty();
    }

    @Test
    void identicalManufacturerStatements_areOneEdit() throws Exception {
        PurchaseRequest r = example("pspc-hikvision-cameras");
        PurchaseRequest twice = r.withItems(List.of(r.items().get(0), r.items().get(0)));
        Counterfactuals.Result result = cf.find(twice, TODAY);
        assertThat(result.capped()).isFalse();
        assertThat(result.sets()).anySatisfy(set -> assertThat(set).anySatisfy(e ->
                assertThat(e.description()).startsWith("items[0], items[1].manufacturer ")));
    }
}
