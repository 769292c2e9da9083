package org.procsec.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.procsec.Requests;
import org.procsec.model.InvalidRequestException;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request built in code passes the parser's checks (issue 13.5): one set of rules
 * ({@link RequestRules}), two callers. Each refusal names the field and says what the parser says.
 */
class RequestRulesTest {

    @Test
    void resellerItemWithoutManufacturer_isRefused_asTheParserRefusesIt() throws Exception {
        Organisation reseller = Organisation.of("Northern Shield Security Inc.", "CA", SupplierRole.RESELLER);
        assertThatThrownBy(() -> Requests.plain().withSupplier(reseller))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("items[0].manufacturer: " + RequestRules.manufacturerStated(SupplierRole.RESELLER, null));
        String json = org.procsec.internal.json.AssessmentNodes.compact(AssessmentJsonOf.request(Requests.plain()))
                .replace("\"role\":\"MANUFACTURER\"", "\"role\":\"RESELLER\"");
        assertThatThrownBy(() -> RequestJson.parse(json)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("items[0].manufacturer: " + RequestRules.manufacturerStated(SupplierRole.RESELLER, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"China", "ca", "ZZ", "", "C A"})
    void countryThatIsNotAnIsoCode_isRefused(String country) {
        assertThatThrownBy(() -> Organisation.of("Acme Imaging Ltd.", country, SupplierRole.MANUFACTURER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("country: unknown country");
        assertThatThrownBy(() -> Organisation.of("Acme Imaging Ltd.", "CA", SupplierRole.MANUFACTURER)
                .withStateOwnership(10, country)).hasMessageStartingWith("controllingState: unknown country");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "...", "\u200b", " ", "\u00ad\u2060"})
    void nameEmptyOnceNormalised_isRefused(String name) {
        assertThatThrownBy(() -> Organisation.of(name, "CA", SupplierRole.MANUFACTURER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b", " \u00a0", "\ufeff"})
    void idOrDepartmentOfInvisibleCharactersOnly_isRefused(String id) {
        assertThatThrownBy(() -> Requests.plain().toBuilder().id(id).build()).hasMessageStartingWith("id: ");
        assertThatThrownBy(() -> Requests.plain().withDepartment(id)).hasMessageStartingWith("department: ");
    }

    @Test
    void numbersOutOfRange_areRefused() {
        assertThatThrownBy(() -> Organisation.of("Acme Ltd.", "CA", SupplierRole.MANUFACTURER).withStateOwnership(Double.NaN, null))
                .hasMessageStartingWith("stateOwnershipPercent: ");
        assertThatThrownBy(() -> Organisation.of("Acme Ltd.", "CA", SupplierRole.MANUFACTURER).withStateOwnership(100.5, null))
                .hasMessageStartingWith("stateOwnershipPercent: ");
        assertThatThrownBy(() -> Requests.plain().toBuilder().value(new BigDecimal("-1")).build())
                .hasMessageStartingWith("value: ");
        assertThatThrownBy(() -> Requests.plain().toBuilder().value(new BigDecimal("0.0000001")).build())
                .hasMessageStartingWith("value: ");
        assertThatThrownBy(() -> new Services(true, RequestRules.MAX_VISITS + 1, Access.NONE, false, PerformedBy.SUPPLIER))
                .hasMessageStartingWith("visitsPerYear: ");
        assertThatThrownBy(() -> new Site(SiteType.OFFICE, Zone.PUBLIC, 0)).hasMessageStartingWith("count: ");
        assertThatThrownBy(() -> Requests.plain().withDataRetentionDays(-1)).hasMessageStartingWith("dataRetentionDays: ");
        assertThatThrownBy(() -> Requests.plain().toBuilder().title("x".repeat(RequestRules.MAX_STRING + 1)).build())
                .hasMessageStartingWith("title: string of 2001 characters");
    }

    @Test
    void manufacturerWithAnotherRole_isRefused() {
        Organisation reseller = Organisation.of("Acme Resale Inc.", "CA", SupplierRole.RESELLER);
        assertThatThrownBy(() -> Requests.item(Category.OTHER).withManufacturer(reseller))
                .hasMessageStartingWith("manufacturer.role: a manufacturer's role is MANUFACTURER");
    }

    @Test
    void tooManyItemsOrNone_areRefused() {
        Item item = Requests.item(Category.OTHER);
        assertThatThrownBy(() -> Requests.plain().withItems(List.of())).hasMessage("items: expected at least one entry");
        assertThatThrownBy(() -> Requests.plain().withItems(java.util.Collections.nCopies(RequestRules.MAX_ITEMS + 1, item)))
                .hasMessage("items: 101 entries (expected at most 100)");
        assertThatThrownBy(() -> Requests.plain().withSites(List.of())).hasMessage("sites: expected at least one entry");
    }

    @Test
    void builder_buildsWhatTheParserReads_withTheFormatsDefaults() throws Exception {
        PurchaseRequest built = PurchaseRequest.builder()
                .id("ESDC-2026-FURN-7").department("ESDC").instrument(Instrument.CONTRACT)
                .awardDate(LocalDate.of(2026, 5, 4)).value(48_000)
                .supplier(Organisation.of("Maple Office Furniture Ltd.", "CA", SupplierRole.MANUFACTURER))
                .item(new Item("Office chairs", Category.OTHER, 120, null, null, Connectivity.STANDALONE))
                .site(new Site(SiteType.OFFICE, Zone.OPERATIONS, 1))
                .build();
        PurchaseRequest read = RequestJson.parse("""
                {"id": "ESDC-2026-FURN-7", "department": "ESDC", "instrument": "CONTRACT",
                 "awardDate": "2026-05-04", "value": 48000,
                 "supplier": {"name": "Maple Office Furniture Ltd.", "country": "CA"},
                 "items": [{"description": "Office chairs", "category": "OTHER", "quantity": 120}],
                 "sites": [{"type": "OFFICE", "zone": "OPERATIONS"}]}""");
        assertThat(built).isEqualTo(read);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThatThrownBy(() -> PurchaseRequest.builder().build()).isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    /** Writes a request back as JSON for the parser (test helper). */
    static final class AssessmentJsonOf {
        static com.fasterxml.jackson.databind.node.ObjectNode request(PurchaseRequest r) {
            var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            var root = f.objectNode().put("id", r.id()).put("department", r.department())
                    .put("instrument", r.instrument().name()).put("awardDate", r.awardDate().toString())
                    .put("value", r.value());
            root.putObject("supplier").put("name", r.supplier().name()).put("country", r.supplier().country())
                    .put("role", r.supplier().role().name());
            var items = root.putArray("items");
            r.items().forEach(i -> items.addObject().put("category", i.category().name()));
            var sites = root.putArray("sites");
            r.sites().forEach(s -> sites.addObject().put("type", s.type().name()).put("zone", s.zone().name()));
            return root;
        }
    }
}
