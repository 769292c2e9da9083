package org.procsec.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An assessment's lists come out sorted, each value once, and cannot be changed, whatever is passed in. */
class AssessmentTest {
    private static final PolicyInfo POLICY = new PolicyInfo("2026.2", LocalDate.of(2026, 11, 22), "sha256:x");

    private static Finding finding(String ruleId, String clause) {
        return new Finding(ruleId, clause, Outcome.REFER, "m", "r");
    }

    private static Assessment of(List<Sector> sectors, List<ConditionType> conditions, List<Finding> findings) {
        return new Assessment("r1", Decision.REFER, sectors, ClearanceLevel.NONE, ClearanceLevel.NONE, false, false,
                conditions, findings, POLICY);
    }

    @Test
    void unsortedAndRepeatedValues_comeOutSortedAndOnce() {
        Finding a = finding("CSE-4.1-a", "4.1");
        Finding b = finding("CSE-4.10-b", "4.10");
        Finding c = finding("CLR-3.9-c", "3.9");
        Sector[] sectors = Sector.values();
        Assessment x = of(List.of(sectors[sectors.length - 1], sectors[0], sectors[sectors.length - 1]),
                List.of(), List.of(b, a, c, a));
        assertThat(x.findings()).containsExactly(c, a, b);
        assertThat(x.sensitiveSectors()).isSortedAccordingTo(java.util.Comparator.comparing(Enum::name))
                .doesNotHaveDuplicates().containsExactlyInAnyOrder(sectors[0], sectors[sectors.length - 1]);
    }

    @Test
    void sortedValues_areKeptAsGiven_andTheCopyIsTheAssessmentsOwn() {
        Finding a = finding("CSE-4.1-a", "4.1");
        Finding b = finding("CSE-4.10-b", "4.10");
        List<Finding> given = new ArrayList<>(List.of(a, b));
        Assessment x = of(List.of(), List.of(), given);
        given.clear();
        assertThat(x.findings()).containsExactly(a, b);
        assertThatThrownBy(() -> x.findings().add(a)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRepeatedNeighbour_isKeptOnce() {
        Finding a = finding("CSE-4.1-a", "4.1");
        assertThat(of(List.of(), List.of(), List.of(a, a)).findings()).containsExactly(a);
    }

    @Test
    void noNulls() {
        List<Finding> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> of(List.of(), List.of(), withNull)).isInstanceOf(NullPointerException.class);
    }
}
