package org.procsec;

import org.procsec.model.Capability;
import org.procsec.model.Category;
import org.procsec.model.Clearance;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.Connectivity;
import org.procsec.model.CseStatus;
import org.procsec.model.Instrument;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;
import org.procsec.model.Site;
import org.procsec.model.SiteType;
import org.procsec.model.SupplierRole;
import org.procsec.model.Zone;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Request fixtures for rule tests: a plain purchase that triggers nothing, and small edits of it. */
public final class Requests {
    public static final LocalDate AWARD = LocalDate.of(2026, 3, 1);

    private Requests() {
    }

    /** A clean Canadian supplier selling one OTHER item for an OFFICE PUBLIC site: APPROVE. */
    public static PurchaseRequest plain() {
        return new PurchaseRequest("T-1", "ESDC", "test", Instrument.CONTRACT, AWARD, BigDecimal.valueOf(1000),
                Organisation.of("Maple Detection Systems Inc.", "CA", SupplierRole.MANUFACTURER),
                List.of(item(Category.OTHER)), List.of(new Site(SiteType.OFFICE, Zone.PUBLIC, 1)), Services.NONE,
                null, CseStatus.NOT_REQUESTED);
    }

    public static Item item(Category category, Capability... capabilities) {
        return new Item("thing", category, 1, null, Set.of(capabilities), Connectivity.STANDALONE);
    }

    public static Organisation org(String name, String country) {
        return Organisation.of(name, country, SupplierRole.MANUFACTURER);
    }

    public static Clearance clearance(ClearanceLevel level) {
        return new Clearance(level, null);
    }

    public static PurchaseRequest withItem(PurchaseRequest r, Item item) {
        return r.withItems(List.of(item));
    }

    public static PurchaseRequest withSite(PurchaseRequest r, SiteType type, Zone zone) {
        return r.withSites(List.of(new Site(type, zone, 1)));
    }

    /** A sensitive (GC_NETWORK) purchase by a DOS-cleared Canadian supplier. */
    public static PurchaseRequest sensitive() {
        return plain().withItems(List.of(new Item("switch", Category.NETWORK_EQUIPMENT, 1, null, Set.of(),
                        Connectivity.GC_NETWORK)))
                .withSupplier(plain().supplier().withClearance(clearance(ClearanceLevel.DESIGNATED_ORGANIZATION)));
    }

    /** A reseller supplier with {@code manufacturer} making the one item. */
    public static PurchaseRequest viaReseller(PurchaseRequest r, Organisation manufacturer) {
        Organisation reseller = Organisation.of("Northern Shield Security Inc.", "CA", SupplierRole.RESELLER)
                .withClearance(r.supplier().clearance());
        return r.withItems(r.items().stream().map(i -> i.withManufacturer(manufacturer)).toList()).withSupplier(reseller);
    }
}
