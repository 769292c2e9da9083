package org.procsec.model;

/** How an item is connected. */
public enum Connectivity {
    STANDALONE, GC_NETWORK, CLASSIFIED_NETWORK, INTERNET
}
