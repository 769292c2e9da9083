package org.procsec.bench;

import org.procsec.internal.refdata.AlliedRestriction;
import org.procsec.internal.refdata.BilateralCountry;
import org.procsec.internal.refdata.ClauseInfo;
import org.procsec.internal.refdata.Parameters;
import org.procsec.internal.refdata.ProhibitedVendor;
import org.procsec.internal.refdata.ReferenceData;
import org.procsec.internal.refdata.SecurityDepartment;
import org.procsec.internal.refdata.StateControl;
import org.procsec.internal.refdata.VendorDirectory;
import org.procsec.model.Access;
import org.procsec.model.Capability;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.ConditionType;
import org.procsec.model.Connectivity;
import org.procsec.model.CseStatus;
import org.procsec.model.Decision;
import org.procsec.model.Item;
import org.procsec.model.Organisation;
import org.procsec.model.PerformedBy;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Sector;
import org.procsec.model.Site;
import org.procsec.model.SupplierRole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole reference policy (docs/POLICY.md, edition 2026.2, sections 1.4-6 and 8) written out by
 * hand over the same reference data, with the same name screening (VendorDirectory.screen), and
 * without findings' messages: the floor against which the engine's cost is stated (ScanBenchmark,
 * AssessBenchmark). It is checked against the engine on generated requests
 * (PlainJavaFloorAgreementTest); it is no replacement for the rules.
 */
public final class PlainJavaFloor {
    /** What the floor decides: the fields of an assessment it is compared on. */
    public record Outcome(Decision decision, Set<Sector> sectors, ClearanceLevel requiredClearance,
                          ClearanceLevel heldClearance, boolean cseReviewRequired, boolean prohibited,
                          Set<ConditionType> conditions) {
    }

    private final ReferenceData data;
    private final Parameters p;
    private final Map<String, LocalDate> clauseDates = new HashMap<>();
    private final Map<String, LocalDate> departments = new HashMap<>();
    private final Map<String, LocalDate> countries = new HashMap<>();
    private final Map<String, List<ProhibitedVendor>> prohibited = new HashMap<>();
    private final Map<String, List<AlliedRestriction>> allied = new HashMap<>();
    private final Map<String, List<StateControl>> stateControl = new HashMap<>();

    public PlainJavaFloor(ReferenceData data) {
        this.data = data;
        this.p = data.parameters();
        for (ClauseInfo c : data.clauses().values()) {
            if (c.inForceFrom() != null) {
                clauseDates.put(c.id(), c.inForceFrom());
            }
        }
        for (SecurityDepartment d : data.departments()) {
            departments.put(d.code(), d.inForceFrom() == null ? LocalDate.MIN : d.inForceFrom());
        }
        for (BilateralCountry c : data.countries()) {
            countries.put(c.code(), c.inForceFrom() == null ? LocalDate.MIN : c.inForceFrom());
        }
        for (ProhibitedVendor v : data.prohibited()) {
            prohibited.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v);
        }
        for (AlliedRestriction a : data.allied()) {
            allied.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a);
        }
        for (StateControl s : data.stateControl()) {
            stateControl.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
        }
    }

    private static boolean reached(LocalDate from, LocalDate on) {
        return from == null || !on.isBefore(from);
    }

    private boolean inForce(String clause, LocalDate on) {
        return reached(clauseDates.get(clause), on);
    }

    /** The request assessed on {@code asOf} (null: its award date, POLICY 1.2). */
    public Outcome assess(PurchaseRequest r, LocalDate asOf) {
        LocalDate on = asOf != null ? asOf : r.awardDate();
        List<Item> items = r.items();
        List<Site> sites = r.sites();
        boolean anyItem = !items.isEmpty();
        boolean anySite = !sites.isEmpty();

        // Section 2.
        EnumSet<Sector> sectors = EnumSet.noneOf(Sector.class);
        boolean detection = false, radio = false, surveillance = false, gcNet = false, remoteItem = false;
        boolean dataCapable = false, cseNet = false, retention = false, standaloneNic = false, storage = false;
        boolean firmware = false, classifiedNet = false;
        for (Item i : items) {
            Set<Capability> caps = i.capabilities();
            detection |= p.detectionCategories().contains(i.category());
            radio |= p.radioCategories().contains(i.category());
            surveillance |= p.surveillanceCategories().contains(i.category());
            gcNet |= p.gcNetworkConnectivity().contains(i.connectivity());
            cseNet |= p.cseNetworkConnectivity().contains(i.connectivity());
            classifiedNet |= p.topSecretConnectivity().contains(i.connectivity());
            remoteItem |= caps.contains(Capability.REMOTE_ACCESS);
            standaloneNic |= caps.contains(Capability.NETWORK_INTERFACE) && i.connectivity() == Connectivity.STANDALONE;
            storage |= caps.contains(Capability.LOCAL_STORAGE);
            firmware |= caps.contains(Capability.FIRMWARE_UPDATE);
            for (Capability c : caps) {
                dataCapable |= p.dataCapabilities().contains(c);
                retention |= p.retentionCapabilities().contains(c);
            }
        }
        boolean border = false, mission = false, secure = false, topSecretZone = false, secretZone = false;
        for (Site s : sites) {
            border |= p.borderSiteTypes().contains(s.type());
            mission |= p.missionSiteTypes().contains(s.type());
            secure |= p.secureZones().contains(s.zone());
            topSecretZone |= p.topSecretZones().contains(s.zone());
            secretZone |= p.secretZones().contains(s.zone());
        }
        if (inForce("2.1", on) && detection && border) {
            sectors.add(Sector.BORDER_DETECTION);
        }
        if (inForce("2.2", on) && mission && anyItem) {
            sectors.add(Sector.MISSION_SECURITY);
        }
        if (inForce("2.3", on) && radio) {
            LocalDate from = departments.get(r.department().toUpperCase(Locale.ROOT));
            if (from != null && !on.isBefore(from)) {
                sectors.add(Sector.PUBLIC_SAFETY_COMMUNICATIONS);
            }
        }
        if (inForce("2.4", on) && surveillance && anySite) {
            sectors.add(Sector.FACILITY_SURVEILLANCE);
        }
        if (inForce("2.5", on) && secure && anyItem) {
            sectors.add(Sector.SECURE_ZONE);
        }
        if (inForce("2.6", on) && gcNet) {
            sectors.add(Sector.GC_NETWORK);
        }
        boolean sensitive = !sectors.isEmpty();

        // Section 3.
        ClearanceLevel required = ClearanceLevel.NONE;
        if (sensitive) {
            required = ClearanceLevel.DESIGNATED_ORGANIZATION;
        }
        if (sectors.contains(Sector.MISSION_SECURITY) || (secretZone && anyItem)
                || (sensitive && r.services().access() == Access.UNESCORTED)) {
            required = ClearanceLevel.max(required, ClearanceLevel.FACILITY_SECRET);
        }
        if ((topSecretZone && anyItem) || classifiedNet) {
            required = ClearanceLevel.FACILITY_TOP_SECRET;
        }

        int reject = 0, refer = 0, condition = 0;
        boolean prohibitedFlag = false;
        Organisation supplier = r.supplier();
        ClearanceLevel supplierHeld = supplier.clearance().levelOn(on);
        boolean manufacturersAreSubjects = supplier.role() != SupplierRole.MANUFACTURER
                && r.services().onSiteMaintenance() && r.services().performedBy() == PerformedBy.MANUFACTURER;

        CseStatus review = r.cseReview();
        boolean triggered = false;
        if (review == CseStatus.UNFAVOURABLE) {
            reject++;
        }

        // Parties (1.4): the supplier, then each manufacturer as stated.
        int parties = 1 + items.size();
        for (int k = 0; k < parties; k++) {
            Organisation o = k == 0 ? supplier : items.get(k - 1).manufacturer();
            if (o == null) {
                continue;
            }
            boolean isSupplier = k == 0;
            // 3.5 - 3.7
            if (isSupplier || manufacturersAreSubjects) {
                ClearanceLevel held = o.clearance().levelOn(on);
                boolean unclearable = !o.country().equals(p.homeCountry()) && !reached(countries.get(o.country()), on)
                        || !o.country().equals(p.homeCountry()) && !countries.containsKey(o.country());
                if (required != ClearanceLevel.NONE) {
                    if (held.rank() < required.rank()) {
                        if (unclearable) {
                            reject++;
                        } else {
                            refer++;
                        }
                    }
                    if (held != ClearanceLevel.NONE && unclearable) {
                        refer++;
                    }
                }
            }
            // 4.2 as stated in the request
            String owning = o.controllingState() != null ? o.controllingState() : o.country();
            if ((o.stateOwnershipPercent() >= p.stateOwnershipThresholdPercent() || o.controllingState() != null)
                    && !owning.equals(p.homeCountry())) {
                triggered = true;
            }
            // 1.5 screening, then 4.2 (listed), 4.4, 5.1
            VendorDirectory.Screening screening = data.directory().screen(o.name());
            if (screening.normalised().isEmpty()) {
                refer++;
            }
            for (VendorDirectory.Identity id : screening.matches()) {
                if (!reached(id.since(), on)) {
                    continue;
                }
                for (StateControl s : stateControl.getOrDefault(id.key(), List.of())) {
                    if (!s.controllingState().equals(p.homeCountry())) {
                        triggered = true;
                    }
                }
                for (AlliedRestriction a : allied.getOrDefault(id.key(), List.of())) {
                    if (reached(a.inForceFrom(), on)) {
                        triggered = true;
                    }
                }
                for (ProhibitedVendor v : prohibited.getOrDefault(id.key(), List.of())) {
                    if (reached(v.inForceFrom(), on)) {
                        prohibitedFlag = true;
                        reject++;
                    }
                }
            }
            for (VendorDirectory.PossibleMatch pm : screening.possibleMatches()) {
                if (!reached(pm.since(), on)) {
                    continue;
                }
                boolean listed = stateControl.containsKey(pm.key());
                for (ProhibitedVendor v : prohibited.getOrDefault(pm.key(), List.of())) {
                    listed |= v.inForceOn(on);
                }
                for (AlliedRestriction a : allied.getOrDefault(pm.key(), List.of())) {
                    listed |= a.inForceOn(on);
                }
                if (listed) {
                    refer++;
                }
            }
        }

        // Section 4 (4.2 and 4.4 above).
        triggered |= (sensitive && dataCapable) || cseNet || remoteItem || r.services().remoteAccess();
        if (triggered && review != CseStatus.FAVOURABLE) {
            refer++;
        }

        // Section 5.2.
        if (sensitive && (remoteItem || r.services().remoteAccess()) && review != CseStatus.FAVOURABLE) {
            prohibitedFlag = true;
            reject++;
        }

        // Section 6.
        EnumSet<ConditionType> conditions = EnumSet.noneOf(ConditionType.class);
        if (sensitive && retention && r.dataRetentionDays() == null) {
            refer++;
        }
        if (reject == 0 && sensitive) {
            if (r.services().onSiteMaintenance() && supplierHeld.rank() < ClearanceLevel.FACILITY_SECRET.rank()) {
                conditions.add(ConditionType.ESCORTED_ACCESS);
            }
            if (standaloneNic) {
                conditions.add(ConditionType.NO_NETWORK_CONNECTION);
            }
            if (retention) {
                conditions.add(ConditionType.DATA_RETENTION_LIMIT);
            }
            if (storage) {
                conditions.add(ConditionType.MEDIA_STAYS_ON_SITE);
            }
            if (firmware) {
                conditions.add(ConditionType.FIRMWARE_BY_DEPARTMENT);
            }
            condition = conditions.size();
        }

        // Section 8.
        Decision decision = reject > 0 ? Decision.REJECT : refer > 0 ? Decision.REFER
                : condition > 0 ? Decision.APPROVE_WITH_CONDITIONS : Decision.APPROVE;
        return new Outcome(decision, sectors, required, supplierHeld, triggered, prohibitedFlag, conditions);
    }
}
