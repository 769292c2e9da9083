package org.procsec.internal.facts;

import org.junit.jupiter.api.Test;
import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Connectivity;
import org.procsec.model.SiteType;
import org.procsec.model.Zone;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** How facts print in --explain: sets and maps sorted, so the text is the same in every JVM run. */
class FactTextTest {
    private static Set<String> reversed(String... names) {
        Set<String> s = new LinkedHashSet<>();
        for (int i = names.length - 1; i >= 0; i--) {
            s.add(names[i]);
        }
        return s;
    }

    @Test
    void itemFact_printsCapabilitiesAndListsSorted() {
        ItemFact f = new ItemFact(0, Category.RADIO, Set.of(Capability.WIRELESS, Capability.AUDIO_CAPTURE,
                Capability.REMOTE_ACCESS), Connectivity.INTERNET, "supplier", reversed("a", "b", "c", "d", "e"));
        assertThat(f.toString()).isEqualTo("ItemFact[index=0, category=RADIO, capabilities=[AUDIO_CAPTURE, WIRELESS,"
                + " REMOTE_ACCESS], connectivity=INTERNET, manufacturerRef=supplier, lists=[a, b, c, d, e]]");
    }

    @Test
    void siteFact_printsListsSorted() {
        SiteFact f = new SiteFact(1, SiteType.OFFICE, Zone.PUBLIC, reversed("x", "y", "z"));
        assertThat(f.toString()).isEqualTo("SiteFact[index=1, type=OFFICE, zone=PUBLIC, lists=[x, y, z]]");
    }

    @Test
    void context_printsClauseDatesSorted() {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (String c : List.of("7.2", "5.1", "2.6", "1.5")) {
            dates.put(c, LocalDate.of(2020, 1, 1));
        }
        Context c = new Context(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1), true, dates);
        assertThat(c.toString()).isEqualTo("Context[asOf=2026-01-01, awardDate=2025-01-01, portfolio=true, clauseDates="
                + "{1.5=2020-01-01, 2.6=2020-01-01, 5.1=2020-01-01, 7.2=2020-01-01}]");
    }
}
