package org.procsec.pbt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.procsec.model.Access;
import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Clearance;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.Connectivity;
import org.procsec.model.CseStatus;
import org.procsec.model.Instrument;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PerformedBy;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.Site;
import org.procsec.model.SiteType;
import org.procsec.model.SupplierRole;
import org.procsec.model.Zone;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Generators of valid purchase requests over the whole request format: every enum value, listed
 * vendors by legal name, alias, spelling variant and subsidiary, clean vendors, resellers with
 * manufacturers, dates 2012-2027 (with the policy's boundary dates as edge cases), clearances with
 * expiry dates, services, stated and missing retention, every review status.
 */
final class RequestArbitraries {
    static final LocalDate FIRST_DAY = LocalDate.of(2012, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2027, 12, 31);

    /** Dates where the policy or its lists change (in-force and listing dates), and the days before. */
    static final List<LocalDate> BOUNDARY_DATES = List.of(
            LocalDate.of(2014, 1, 1), LocalDate.of(2013, 12, 31),     // Nuctech, TSA exclusion
            LocalDate.of(2017, 7, 1), LocalDate.of(2017, 6, 30),      // Hytera subsidiaries
            LocalDate.of(2020, 10, 1), LocalDate.of(2020, 9, 30),     // 2.1
            LocalDate.of(2020, 12, 1), LocalDate.of(2020, 11, 30),    // 2.2
            LocalDate.of(2021, 3, 12), LocalDate.of(2021, 3, 11),     // FCC Covered List
            LocalDate.of(2025, 6, 27), LocalDate.of(2025, 6, 26));    // Hikvision prohibited

    /** A vendor as a request may name it, with the country it usually gives. */
    record Vendor(String name, String country) {
    }

    /** On the prohibited-vendor list (5.1): Hikvision by legal name, alias and spelling variants. */
    static final List<Vendor> PROHIBITED = List.of(
            new Vendor("Hangzhou Hikvision Digital Technology Co., Ltd.", "CN"),
            new Vendor("Hikvision", "CN"),
            new Vendor("HIKVISION", "CN"),
            new Vendor("EZVIZ", "CN"),
            new Vendor("hangzhou hikvision digital technology co ltd", "CN"),
            new Vendor("Hangzhou Hikvision Digital Technology Company Limited", "CN"),
            new Vendor("Hikvísion Inc.", "CN"));

    /** On an allied restriction list (4.4), by name, alias, variant, or as a listed parent's subsidiary. */
    static final List<Vendor> ALLIED = List.of(
            new Vendor("Huawei Technologies Co., Ltd.", "CN"),
            new Vendor("Huawei", "CN"),
            new Vendor("ZTE Corporation", "CN"),
            new Vendor("zte corp.", "CN"),
            new Vendor("Hytera Communications Corporation Limited", "CN"),
            new Vendor("Hytera", "CN"),
            new Vendor("Zhejiang Dahua Technology Co., Ltd.", "CN"),
            new Vendor("Dahua", "CN"),
            new Vendor("Nuctech Company Limited", "CN"),
            new Vendor("NUCTECH CO. LTD.", "CN"),
            new Vendor("Norsat International Inc.", "CA"),
            new Vendor("Sinclair Technologies Inc.", "CA"),
            new Vendor("Hangzhou Hikvision Digital Technology Co., Ltd.", "CN"),
            new Vendor("EZVIZ", "CN"));

    /** On no list (some only look like listed names). */
    static final List<Vendor> CLEAN = List.of(
            new Vendor("Smiths Detection Inc.", "GB"),
            new Vendor("Rapiscan Systems Inc.", "US"),
            new Vendor("Motorola Solutions, Inc.", "US"),
            new Vendor("Axis Communications AB", "SE"),
            new Vendor("Genetec Inc.", "CA"),
            new Vendor("Bosch Security Systems GmbH", "DE"),
            new Vendor("Thales S.A.", "FR"),
            new Vendor("Elbit Systems Ltd.", "IL"),
            new Vendor("Acme Sécurité Ltée", "CA"),
            new Vendor("Shenzhen Example Technology Co., Ltd.", "CN"),
            new Vendor("Kaspersky Lab", "RU"),
            new Vendor("Hikari Vision Systems", "CA"),
            new Vendor("Norstar Holdings", "CA"));

    /** Possible matches of listed vendors (1.5 b): contained, run together, confusable. */
    static final List<Vendor> POSSIBLE = List.of(
            new Vendor("Hikvision Canada Inc.", "CA"),
            new Vendor("Norsat Holdings", "CA"),
            new Vendor("Hik Vision", "CN"),
            new Vendor("Nuc-tech", "CN"),
            new Vendor("H\u0456kvision", "CN"),
            new Vendor("Hangzhou Hikvision", "CN"));

    static final List<String> COUNTRIES =
            List.of("CA", "US", "GB", "FR", "DE", "IL", "AU", "SE", "CN", "RU", "IN", "BR", "JP", "KR", "IR");

    /** Departments: the security and enforcement list (also in lower case), and others. */
    static final List<String> DEPARTMENTS =
            List.of("CBSA", "RCMP", "CSIS", "CSE", "DND", "GAC", "PSPC-ISP", "CSC", "cbsa", "Gac",
                    "ESDC", "PSPC", "HC", "TC", "CRA", "SSC");

    private RequestArbitraries() {
    }

    /** A date in 2012-2027, often one of the policy's boundary dates. */
    static Arbitrary<LocalDate> dates() {
        Arbitrary<LocalDate> any = Arbitraries.longs().between(FIRST_DAY.toEpochDay(), LAST_DAY.toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(1, Arbitraries.of(BOUNDARY_DATES)));
    }

    static Arbitrary<Vendor> vendors() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(CLEAN)),
                Tuple.of(1, Arbitraries.of(POSSIBLE)),
                Tuple.of(2, Arbitraries.of(ALLIED)),
                Tuple.of(1, Arbitraries.of(PROHIBITED)));
    }

    static Arbitrary<Clearance> clearances() {
        Arbitrary<ClearanceLevel> level = Arbitraries.frequency(Tuple.of(2, ClearanceLevel.NONE),
                Tuple.of(1, ClearanceLevel.DESIGNATED_ORGANIZATION), Tuple.of(2, ClearanceLevel.FACILITY_SECRET),
                Tuple.of(2, ClearanceLevel.FACILITY_TOP_SECRET));
        return Combinators.combine(level, dates().injectNull(0.6)).as(Clearance::new);
    }

    /** An organisation with {@code role}: a vendor, its usual country or another, ownership, clearance. */
    static Arbitrary<Organisation> organisations(Arbitrary<SupplierRole> role, Arbitrary<Vendor> vendor) {
        Arbitrary<Double> ownership = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just(0.0)),
                Tuple.of(2, Arbitraries.of(10.0, 24.99, 25.0, 40.0, 51.0, 100.0)),
                Tuple.of(1, Arbitraries.integers().between(0, 10000).map(k -> k / 100.0)));
        Arbitrary<String> controlling = Arbitraries.of(COUNTRIES).injectNull(0.75);
        Arbitrary<Boolean> usualCountry = Arbitraries.of(true, true, true, true, false);
        return Combinators.combine(vendor, usualCountry, Arbitraries.of(COUNTRIES), role, ownership, controlling,
                clearances())
                .as((v, usual, other, r, own, state, clearance) ->
                        new Organisation(v.name(), usual ? v.country() : other, r, own, state, clearance));
    }

    static Arbitrary<Organisation> suppliers() {
        return organisations(Arbitraries.frequency(Tuple.of(3, SupplierRole.MANUFACTURER),
                Tuple.of(1, SupplierRole.RESELLER), Tuple.of(1, SupplierRole.INTEGRATOR)), vendors());
    }

    static Arbitrary<Organisation> manufacturers(Arbitrary<Vendor> vendor) {
        return organisations(Arbitraries.just(SupplierRole.MANUFACTURER), vendor);
    }

    static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "Baggage X-ray scanner", "Radios, handheld", "Caméras de surveillance",
                        "Item with \"quotes\" and \\ backslash", "日本語の説明"),
                Arbitraries.strings().ofMaxLength(40));
    }

    /** An item; {@code needsManufacturer} when the supplier is a reseller or integrator (1.4). */
    static Arbitrary<Item> items(boolean needsManufacturer) {
        Arbitrary<Organisation> manufacturer = needsManufacturer
                ? manufacturers(vendors())
                : manufacturers(vendors()).injectNull(0.6);
        return Combinators.combine(texts(), Arbitraries.of(Category.class),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1)),
                        Tuple.of(1, Arbitraries.integers().between(1, 5000))),
                manufacturer, capabilities(), connectivity())
                .as(Item::new);
    }

    static Arbitrary<java.util.Set<Capability>> capabilities() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(java.util.Set.<Capability>of())),
                Tuple.of(3, Arbitraries.subsetOf(Capability.values()).ofMaxSize(3)),
                Tuple.of(1, Arbitraries.subsetOf(Capability.values())));
    }

    static Arbitrary<Connectivity> connectivity() {
        return Arbitraries.frequency(Tuple.of(5, Connectivity.STANDALONE), Tuple.of(1, Connectivity.GC_NETWORK),
                Tuple.of(1, Connectivity.CLASSIFIED_NETWORK), Tuple.of(1, Connectivity.INTERNET));
    }

    static Arbitrary<Site> sites() {
        return Combinators.combine(Arbitraries.of(SiteType.class), Arbitraries.of(Zone.class),
                Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(1)),
                        Tuple.of(1, Arbitraries.integers().between(1, 500))))
                .as(Site::new);
    }

    static Arbitrary<Services> services() {
        Arbitrary<Services> some = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 52), Arbitraries.of(Access.class),
                Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)),
                Arbitraries.of(PerformedBy.class)).as(Services::new);
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Services.NONE)), Tuple.of(3, some));
    }

    static Arbitrary<BigDecimal> values() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 10_000_000_000L).map(BigDecimal::valueOf),
                Arbitraries.longs().between(0, 100_000_000L).map(c -> BigDecimal.valueOf(c, 2)));
    }

    static Arbitrary<Integer> retention() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0, 7, 29, 30, 31, 90, 365)),
                Tuple.of(1, Arbitraries.integers().between(0, 3650))).injectNull(0.2);
    }

    /** Valid purchase requests over the whole format. */
    static Arbitrary<PurchaseRequest> requestRecords() {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 99999).map(n -> "REQ-" + n),
                Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ', 'é').ofMinLength(1).ofMaxLength(30)
                        .filter(s -> !s.isBlank()));
        Arbitrary<Object[]> head = Combinators.combine(id, Arbitraries.of(DEPARTMENTS), texts(),
                Arbitraries.of(Instrument.class), dates(), values())
                .as((i, d, t, in, date, v) -> new Object[] {i, d, t, in, date, v});
        return suppliers().flatMap(supplier -> {
            boolean needs = supplier.role() != SupplierRole.MANUFACTURER;
            return Combinators.combine(head, Arbitraries.just(supplier), items(needs).list().ofMinSize(1).ofMaxSize(4),
                    sites().list().ofMinSize(1).ofMaxSize(3), services(), retention(), reviews())
                    .as((h, s, items, sites, services, days, review) -> new PurchaseRequest((String) h[0],
                            (String) h[1], (String) h[2], (Instrument) h[3], (LocalDate) h[4], (BigDecimal) h[5], s,
                            items, sites, services, days, review));
        });
    }

    static Arbitrary<CseStatus> reviews() {
        return Arbitraries.frequency(Tuple.of(3, CseStatus.FAVOURABLE), Tuple.of(2, CseStatus.NOT_REQUESTED),
                Tuple.of(1, CseStatus.REQUESTED), Tuple.of(1, CseStatus.UNFAVOURABLE));
    }

    static Arbitrary<RequestText.Style> styles() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(RequestText.Style::new);
    }

    /** Valid requests as records together with one JSON spelling of them. */
    static Arbitrary<GeneratedRequest> requests() {
        return Combinators.combine(requestRecords(), styles()).as(GeneratedRequest::new);
    }

    /** An as-of date, or null for "the award date". */
    static Arbitrary<LocalDate> asOfDates() {
        return dates().injectNull(0.4);
    }
}
