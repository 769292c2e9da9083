package org.procsec.internal.facts;

/** Marker of facts that rules insert (intermediate results), as opposed to request and reference facts. */
public interface Derived extends RequestScoped {
}
