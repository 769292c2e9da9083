package org.procsec.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.TestEngines;
import org.procsec.api.PolicyEngine;
import org.procsec.model.Decision;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDiffTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void bundledRulesAgainstADirectoryCopyReportNoChange(@TempDir Path tmp) throws Exception {
        PolicyEngine copy = ReviewFixtures.engine(ReviewFixtures.copyRules(tmp.resolve("rules")));
        Corpus corpus = Corpus.load(Path.of("examples"));
        DiffReport r = new PolicyDiff(TestEngines.bundled(), copy, true).run(corpus, TODAY);
        assertThat(corpus.entries()).hasSize(9);
        assertThat(r.changed()).isFalse();
        assertThat(r.changes()).isEmpty();
        assertThat(r.unchanged()).isEqualTo(9);
        assertThat(r.transitions()).isEmpty();
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void removingHikvisionFromTheProhibitedListFlipsExactlyTheHikvisionPurchases(@TempDir Path tmp) throws Exception {
        Path rules = ReviewFixtures.copyRules(tmp.resolve("rules"));
        ReviewFixtures.removeHikvisionFromProhibited(rules);
        // The shared scenarios hold two Hikvision requests (2024 and today) and ten others.
        Corpus corpus = Corpus.load(Path.of("src/test/resources/scenarios/shared"));
        DiffReport r = new PolicyDiff(TestEngines.bundled(), ReviewFixtures.engine(rules), false).run(corpus, TODAY);

        assertThat(r.changes()).extracting(RequestChange::source)
                .containsExactly("pspc-hikvision-cameras-2024.json", "pspc-hikvision-cameras-today.json");
        assertThat(r.changes()).allSatisfy(c -> {
            assertThat(c.before().decision()).isEqualTo(Decision.REJECT);
            assertThat(c.after().decision()).isNotEqualTo(Decision.REJECT);
            assertThat(c.fields()).extracting(FieldChange::field).contains("decision", "prohibited");
            assertThat(c.removed()).anySatisfy(f -> {
                assertThat(f.ruleId()).isEqualTo("PRH-5.1-prohibited-vendor");
                assertThat(f.clause()).isEqualTo("5.1");
            });
            assertThat(c.added()).noneMatch(f -> f.ruleId().startsWith("PRH-5.1"));
        });
        assertThat(r.rulesRemoved()).containsEntry("PRH-5.1-prohibited-vendor (5.1)", 2);
        assertThat(r.unchanged()).isEqualTo(r.assessed() - 2);
        // The scenario with a deliberately bad request is reported, not skipped.
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.source()).isEqualTo("bad-unknown-category.json"));
    }

    @Test
    void withoutAsOfEachScenarioKeepsItsOwnDate(@TempDir Path tmp) throws Exception {
        Path rules = ReviewFixtures.copyRules(tmp.resolve("rules"));
        ReviewFixtures.removeHikvisionFromProhibited(rules);
        Corpus corpus = Corpus.load(Path.of("src/test/resources/scenarios/shared"));
        DiffReport r = new PolicyDiff(TestEngines.bundled(), ReviewFixtures.engine(rules), false).run(corpus, null);
        // In 2024 the prohibition was not yet in force: only today's scenario flips.
        assertThat(r.changes()).extracting(RequestChange::source).containsExactly("pspc-hikvision-cameras-today.json");
        assertThat(r.changes().get(0).transition()).startsWith("REJECT -> ");
    }
}
