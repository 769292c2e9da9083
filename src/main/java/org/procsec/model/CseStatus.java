package org.procsec.model;

/** Status of the CSE supply-chain integrity review (POLICY 4.5). */
public enum CseStatus {
    NOT_REQUESTED, REQUESTED, FAVOURABLE, UNFAVOURABLE
}
