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
}
