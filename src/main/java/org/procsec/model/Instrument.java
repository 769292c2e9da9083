package org.procsec.model;

/** Acquisition instrument of a purchase (POLICY 1.1). */
public enum Instrument {
    CONTRACT, STANDING_OFFER, CALL_UP, AMENDMENT, MAINTENANCE_EXTENSION
}
