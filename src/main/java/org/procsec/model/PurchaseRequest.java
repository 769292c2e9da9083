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
        RequestRules.check("id", RequestRules.text(id, true));
        RequestRules.check("id", RequestRules.visible(id));
        Objects.requireNonNull(department, "department");
        RequestRules.check("department", RequestRules.text(department, true));
        RequestRules.check("department", RequestRules.visible(department));
        title = title == null ? "" : title;
        RequestRules.check("title", RequestRules.text(title, false));
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(awardDate, "awardDate");
        Objects.requireNonNull(value, "value");
        RequestRules.check("value", RequestRules.value(value));
        Objects.requireNonNull(supplier, "supplier");
        items = List.copyOf(items);
        sites = List.copyOf(sites);
        RequestRules.check("items", RequestRules.entries(items, RequestRules.MAX_ITEMS));
        RequestRules.check("sites", RequestRules.entries(sites, RequestRules.MAX_SITES));
        for (int i = 0; i < items.size(); i++) {
            RequestRules.check("items[" + i + "].manufacturer",
                    RequestRules.manufacturerStated(supplier.role(), items.get(i).manufacturer()));
        }
        services = services == null ? Services.NONE : services;
        if (dataRetentionDays != null) {
            RequestRules.check("dataRetentionDays", RequestRules.range(dataRetentionDays, 0, Integer.MAX_VALUE));
        }
        cseReview = cseReview == null ? CseStatus.NOT_REQUESTED : cseReview;
    }

    /**
     * A builder for a request built in code: the same defaults as the JSON format (title empty,
     * no services, data retention not stated, CSE review NOT_REQUESTED) and, on {@link Builder#build},
     * the same checks as the parser ({@link RequestRules}).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's fields, for changing several at once. */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).department(department).title(title).instrument(instrument)
                .awardDate(awardDate).value(value).supplier(supplier).services(services)
                .dataRetentionDays(dataRetentionDays).cseReview(cseReview);
        b.items.addAll(items);
        b.sites.addAll(sites);
        return b;
    }

    /** Builds a {@link PurchaseRequest}; not thread-safe, not reusable across threads. */
    public static final class Builder {
        private String id;
        private String department;
        private String title = "";
        private Instrument instrument;
        private LocalDate awardDate;
        private BigDecimal value;
        private Organisation supplier;
        private final java.util.ArrayList<Item> items = new java.util.ArrayList<>();
        private final java.util.ArrayList<Site> sites = new java.util.ArrayList<>();
        private Services services = Services.NONE;
        private Integer dataRetentionDays;
        private CseStatus cseReview = CseStatus.NOT_REQUESTED;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder department(String department) {
            this.department = department;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder instrument(Instrument instrument) {
            this.instrument = instrument;
            return this;
        }

        public Builder awardDate(LocalDate awardDate) {
            this.awardDate = awardDate;
            return this;
        }

        public Builder value(BigDecimal value) {
            this.value = value;
            return this;
        }

        /** The value in CAD, whole dollars. */
        public Builder value(long value) {
            return value(BigDecimal.valueOf(value));
        }

        public Builder supplier(Organisation supplier) {
            this.supplier = supplier;
            return this;
        }

        /** Adds an item. */
        public Builder item(Item item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Replaces the items. */
        public Builder items(List<Item> newItems) {
            items.clear();
            newItems.forEach(this::item);
            return this;
        }

        /** Adds a site. */
        public Builder site(Site site) {
            sites.add(Objects.requireNonNull(site, "site"));
            return this;
        }

        /** Replaces the sites. */
        public Builder sites(List<Site> newSites) {
            sites.clear();
            newSites.forEach(this::site);
            return this;
        }

        public Builder services(Services services) {
            this.services = services;
            return this;
        }

        /** Days before captured data is overwritten; null when not stated. */
        public Builder dataRetentionDays(Integer days) {
            this.dataRetentionDays = days;
            return this;
        }

        public Builder cseReview(CseStatus status) {
            this.cseReview = status;
            return this;
        }

        /** The request; {@link NullPointerException} or {@link IllegalArgumentException} naming the field when it breaks a rule. */
        public PurchaseRequest build() {
            return new PurchaseRequest(id, department, title, instrument, awardDate, value, supplier, items, sites,
                    services, dataRetentionDays, cseReview);
        }
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
