package org.procsec.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A proposed purchase (or an existing holding under review), as in {@code docs/FORMATS.md}.
 *
 * @param id                request id
 * @param department        buying department's acronym
 * @param title             free text, may be empty
 * @param instrument        acquisition instrument
 * @param awardDate         award date: the policy in force on it applies unless an as-of date is given
 * @param value             value in CAD, at least 0
 * @param supplier          the supplier
 * @param items             at least one item
 * @param sites             at least one site; every item is installed at every site (POLICY 1.6)
 * @param services          services; {@link Services#NONE} when the request states none
 * @param dataRetentionDays days before captured data is overwritten, or null when not stated
 * @param cseReview         status of the CSE supply-chain integrity review
 */
public record PurchaseRequest(String id, String department, String title, Instrument instrument,
                              LocalDate awardDate, BigDecimal value, Organisation supplier,
                              List<Item> items, List<Site> sites, Services services,
                              Integer dataRetentionDays, CseStatus cseReview) {
    public PurchaseRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(department, "department");
        title = title == null ? "" : title;
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(awardDate, "awardDate");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(supplier, "supplier");
        items = List.copyOf(items);
        sites = List.copyOf(sites);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items: expected at least one item");
        }
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("sites: expected at least one site");
        }
        services = services == null ? Services.NONE : services;
        if (dataRetentionDays != null && dataRetentionDays < 0) {
            throw new IllegalArgumentException("dataRetentionDays: expected >= 0, got " + dataRetentionDays);
        }
        cseReview = cseReview == null ? CseStatus.NOT_REQUESTED : cseReview;
    }

    /** The manufacturer of {@code item}: its own, or the supplier when none is named. */
    public Organisation manufacturerOf(Item item) {
        return item.manufacturer() != null ? item.manufacturer() : supplier;
    }

    public PurchaseRequest withSupplier(Organisation newSupplier) {
        return new PurchaseRequest(id, department, title, instrument, awardDate, value, newSupplier, items, sites,
                services, dataRetentionDays, cseReview);
    }

    public PurchaseRequest withItems(List<Item> newItems) {
        return new PurchaseRequest(id, department, title, instrument, awardDate, value, supplier, newItems, sites,
                services, dataRetentionDays, cseReview);
    }

    public PurchaseRequest withSites(List<Site> newSites) {
        return new PurchaseRequest(id, department, title, instrument, awardDate, value, supplier, items, newSites,
                services, dataRetentionDays, cseReview);
    }

    public PurchaseRequest withServices(Services newServices) {
        return new PurchaseRequest(id, department, title, instrument, awardDate, value, supplier, items, sites,
                newServices, dataRetentionDays, cseReview);
    }

    public PurchaseRequest withDataRetentionDays(Integer days) {
        return new PurchaseRequest(id, department, title, instrument, awardDate, value, supplier, items, sites,
                services, days, cseReview);
    }

    public PurchaseRequest withCseReview(CseStatus status) {
        return new PurchaseRequest(id, department, title, instrument, awardDate, value, supplier, items, sites,
                services, dataRetentionDays, status);
    }

    public PurchaseRequest withAwardDate(LocalDate date) {
        return new PurchaseRequest(id, department, title, instrument, date, value, supplier, items, sites,
                services, dataRetentionDays, cseReview);
    }

    public PurchaseRequest withDepartment(String newDepartment) {
        return new PurchaseRequest(id, newDepartment, title, instrument, awardDate, value, supplier, items, sites,
                services, dataRetentionDays, cseReview);
    }
}
