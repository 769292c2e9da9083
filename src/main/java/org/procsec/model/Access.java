package org.procsec.model;

/** Access of supplier personnel to the sites. */
public enum Access {
    NONE, ESCORTED, UNESCORTED
}
