package org.procsec.model;

/** Conditions of an approval (POLICY section 6). */
public enum ConditionType {
    ESCORTED_ACCESS, NO_NETWORK_CONNECTION, DATA_RETENTION_LIMIT, MEDIA_STAYS_ON_SITE, FIRMWARE_BY_DEPARTMENT
}
