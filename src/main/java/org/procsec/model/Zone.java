package org.procsec.model;

/** Security zone of a site,  least protected first. */
public enum Zone {
    PUBLIC, RECEPTION, OPERATIONS, SECURITY, HIGH_SECURITY
}
