package org.procsec.bench;

import org.junit.jupiter.api.Test;
import org.procsec.TestEngines;
import org.procsec.api.PolicyEngine;
import org.procsec.internal.refdata.BundledReference;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.ConditionType;
import org.procsec.model.Decision;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Sector;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' floor (src/bench/floor, PlainJavaFloor: the policy written out by hand) decides
 * as the engine does on generated requests, on the award date and as of a review date, field by
 * field: decision, sectors, required and held clearance, cseReviewRequired, prohibited,
 * conditions. A floor that differs would make the ratios in docs/performance.md meaningless.
 */
class PlainJavaFloorAgreementTest {
    private static final int REQUESTS = 2_000;

    @Test
    void floorAgreesWithTheEngine_onGeneratedRequests() throws Exception {
        PolicyEngine engine = TestEngines.bundled();
        PlainJavaFloor floor = new PlainJavaFloor(BundledReference.data());
        PortfolioGenerator generator = new PortfolioGenerator(7, 0);
        Map<String, Integer> differences = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        EnumSet<Decision> decisions = EnumSet.noneOf(Decision.class);
        int compared = 0;
        for (int n = 0; n < REQUESTS; n++) {
            PurchaseRequest r = RequestJson.parse(generator.next(n));
            for (LocalDate asOf : new LocalDate[] {null, LocalDate.of(2026, 11, 22)}) {
                Assessment a = engine.assess(r, asOf);
                PlainJavaFloor.Outcome f = floor.assess(r, asOf);
                compared++;
                decisions.add(a.decision());
                List<String> diff = new ArrayList<>();
                if (a.decision() != f.decision()) {
                    diff.add("decision");
                }
                if (!set(a.sensitiveSectors(), Sector.class).equals(f.sectors())) {
                    diff.add("sectors");
                }
                if (a.requiredClearance() != f.requiredClearance()) {
                    diff.add("requiredClearance");
                }
                if (a.heldClearance() != f.heldClearance()) {
                    diff.add("heldClearance");
                }
                if (a.cseReviewRequired() != f.cseReviewRequired()) {
                    diff.add("cseReviewRequired");
                }
                if (a.prohibited() != f.prohibited()) {
                    diff.add("prohibited");
                }
                if (!set(a.conditions(), ConditionType.class).equals(f.conditions())) {
                    diff.add("conditions");
                }
                for (String d : diff) {
                    differences.merge(d, 1, Integer::sum);
                }
                if (!diff.isEmpty() && examples.size() < 5) {
                    examples.add(diff + " on " + r.id() + " as of " + asOf + ": engine " + a + "\nfloor " + f);
                }
            }
        }
        assertThat(compared).isEqualTo(2 * REQUESTS);
        assertThat(decisions).as("the generated mix reaches every decision").containsAll(EnumSet.allOf(Decision.class));
        assertThat(differences).as(String.join("\n\n", examples)).isEmpty();
    }

    private static <E extends Enum<E>> EnumSet<E> set(List<E> values, Class<E> type) {
        EnumSet<E> s = EnumSet.noneOf(type);
        s.addAll(values);
        return s;
    }
}
