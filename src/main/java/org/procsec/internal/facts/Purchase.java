package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.Access;
import org.procsec.model.CseStatus;
import org.procsec.model.Instrument;
import org.procsec.model.PerformedBy;
import org.procsec.model.SupplierRole;

import java.time.LocalDate;

/** The purchase as a whole: the request's top-level and service fields, flattened for matching. */
@ClassReactive
public record Purchase(String id, String department, Instrument instrument, LocalDate awardDate,
                       SupplierRole supplierRole, boolean onSiteMaintenance, Access access, boolean remoteAccess,
                       PerformedBy performedBy, Integer dataRetentionDays, CseStatus cseReview, int rq) implements RequestScoped {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public Purchase(String id, String department, Instrument instrument, LocalDate awardDate, SupplierRole supplierRole, boolean onSiteMaintenance, Access access, boolean remoteAccess, PerformedBy performedBy, Integer dataRetentionDays, CseStatus cseReview) {
        this(id, department, instrument, awardDate, supplierRole, onSiteMaintenance, access, remoteAccess, performedBy, dataRetentionDays, cseReview, RequestScope.current());
    }


    /** True when the supplier is a RESELLER or INTEGRATOR (POLICY 1.4). */
    public boolean throughIntermediary() {
        return supplierRole != SupplierRole.MANUFACTURER;
    }
}
