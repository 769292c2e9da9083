package org.procsec.bench;

import org.procsec.model.Category;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.Decision;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Site;
import org.procsec.model.SiteType;
import org.procsec.internal.names.VendorNames;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A hand-written evaluation of a few clauses (2.1, 2.2, 3.1, 3.2, 3.7, 4.2, 4.4, 5.1) with the
 * reference data as constants: the floor against which the Drools cost is stated. Not a
 * replacement for the rules (no findings, no other clauses).
 */
final class PlainJavaFloor {
    private static final Set<Category> DETECTION = EnumSet.of(Category.XRAY_SCREENING, Category.LARGE_SCALE_IMAGING,
            Category.TRACE_DETECTION, Category.RADIATION_DETECTION);
    private static final Set<SiteType> BORDER = EnumSet.of(SiteType.PORT_OF_ENTRY, SiteType.CUSTOMS_WAREHOUSE,
            SiteType.AIR_CARGO_CENTRE, SiteType.AIRPORT);
    private static final Set<String> BILATERAL = Set.of("AU", "BE", "DE", "DK", "ES", "FI", "FR", "GB", "IL", "IT",
            "NL", "NO", "NZ", "PL", "SE", "US");
    private static final VendorNames NAMES = new VendorNames(java.util.List.of("Co", "Company", "Ltd", "Limited",
            "Inc", "Corp", "Corporation", "GmbH", "SA"));
    private static final String HIKVISION = NAMES.normalise("Hangzhou Hikvision Digital Technology Co., Ltd.");
    private static final String NUCTECH = NAMES.normalise("Nuctech Company Limited");

    private PlainJavaFloor() {
    }

    static Decision decide(PurchaseRequest r) {
        LocalDate on = r.awardDate();
        boolean border = false;
        boolean mission = false;
        for (Item i : r.items()) {
            for (Site s : r.sites()) {
                border |= !on.isBefore(LocalDate.of(2020, 10, 1)) && DETECTION.contains(i.category())
                        && BORDER.contains(s.type());
                mission |= !on.isBefore(LocalDate.of(2020, 12, 1)) && s.type() == SiteType.FOREIGN_MISSION;
            }
        }
        ClearanceLevel required = mission ? ClearanceLevel.FACILITY_SECRET
                : border ? ClearanceLevel.DESIGNATED_ORGANIZATION : ClearanceLevel.NONE;
        Organisation supplier = r.supplier();
        String key = NAMES.normalise(supplier.name());
        if (key.equals(HIKVISION) && !on.isBefore(LocalDate.of(2025, 6, 27))) {
            return Decision.REJECT;
        }
        if (!supplier.clearance().levelOn(on).meets(required)) {
            return supplier.country().equals("CA") || BILATERAL.contains(supplier.country())
                    ? Decision.REFER : Decision.REJECT;
        }
        boolean stateControlled = (supplier.stateOwnershipPercent() >= 25 || supplier.controllingState() != null)
                && !"CA".equals(supplier.controllingState() != null ? supplier.controllingState() : supplier.country());
        if (stateControlled || key.equals(NUCTECH)) {
            return Decision.REFER;
        }
        return Decision.APPROVE;
    }
}
