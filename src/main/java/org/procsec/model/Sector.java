package org.procsec.model;

/** Sensitive sectors (POLICY section 2). */
public enum Sector {
    BORDER_DETECTION, MISSION_SECURITY, PUBLIC_SAFETY_COMMUNICATIONS, FACILITY_SURVEILLANCE, SECURE_ZONE, GC_NETWORK
}
