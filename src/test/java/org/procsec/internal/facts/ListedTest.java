package org.procsec.internal.facts;

import org.junit.jupiter.api.Test;
import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Connectivity;
import org.procsec.model.SiteType;
import org.procsec.model.Zone;
import org.procsec.internal.refdata.Parameters;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** listed("..."): list membership precomputed on item and site facts from the reference lists. */
class ListedTest {
    private static Parameters parameters(Set<Category> detection, Set<Zone> secure, Set<Capability> data) {
        return new Parameters("test", "CA", 25, 30, 8, detection, Set.of(SiteType.PORT_OF_ENTRY), Set.of(),
                Set.of(), Set.of(), secure, Set.of(Connectivity.GC_NETWORK), data, Set.of(), data, Set.of(), Set.of(),
                Set.of());
    }

    @Test
    void membershipFollowsTheLists() {
        Parameters p = parameters(Set.of(Category.XRAY_SCREENING), Set.of(Zone.SECURITY), Set.of(Capability.IMAGE_CAPTURE));
        Set<String> xray = p.listsContaining(List.of(Category.XRAY_SCREENING, Connectivity.STANDALONE));
        ItemFact item = new ItemFact(0, Category.XRAY_SCREENING, Set.of(), Connectivity.STANDALONE, "supplier", xray);
        assertThat(item.listed("detectionCategories")).isTrue();
        assertThat(item.listed("gcNetworkConnectivity")).isFalse();

        Set<String> camera = p.listsContaining(List.of(Category.VIDEO_SURVEILLANCE, Capability.IMAGE_CAPTURE,
                Connectivity.GC_NETWORK));
        assertThat(camera).containsExactlyInAnyOrder("dataCapabilities", "retentionCapabilities", "gcNetworkConnectivity");

        Set<String> site = p.listsContaining(List.of(SiteType.PORT_OF_ENTRY, Zone.PUBLIC));
        assertThat(new SiteFact(0, SiteType.PORT_OF_ENTRY, Zone.PUBLIC, site).listed("borderSiteTypes")).isTrue();
        assertThat(new SiteFact(0, SiteType.PORT_OF_ENTRY, Zone.PUBLIC, site).listed("secureZones")).isFalse();
    }

    @Test
    void anotherParameterFile_givesItsOwnAnswer() {
        Parameters with = parameters(Set.of(Category.XRAY_SCREENING), Set.of(), Set.of());
        Parameters without = parameters(Set.of(), Set.of(), Set.of());
        assertThat(with.listsContaining(List.of(Category.XRAY_SCREENING))).contains("detectionCategories");
        assertThat(without.listsContaining(List.of(Category.XRAY_SCREENING))).isEmpty();
        assertThat(with.listsContaining(List.of(Category.XRAY_SCREENING))).contains("detectionCategories");
    }

    @Test
    void unknownListName_throws() {
        ItemFact item = new ItemFact(0, Category.XRAY_SCREENING, Set.of(), Connectivity.STANDALONE, "supplier", Set.of());
        assertThatThrownBy(() -> item.listed("detectionCategory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown reference list \"detectionCategory\"");
    }
}
