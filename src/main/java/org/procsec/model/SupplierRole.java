package org.procsec.model;

/** What the supplier is to the goods it supplies (POLICY 1.4). */
public enum SupplierRole {
    MANUFACTURER, RESELLER, INTEGRATOR
}
