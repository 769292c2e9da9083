package org.procsec.model;

/** Type of a site where items are installed. */
public enum SiteType {
    FOREIGN_MISSION, PORT_OF_ENTRY, CUSTOMS_WAREHOUSE, AIR_CARGO_CENTRE, AIRPORT, OFFICE, DATA_CENTRE, OTHER
}
