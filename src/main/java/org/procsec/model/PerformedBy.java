package org.procsec.model;

/** Who performs the services of a purchase (POLICY 3.6). */
public enum PerformedBy {
    SUPPLIER, MANUFACTURER
}
