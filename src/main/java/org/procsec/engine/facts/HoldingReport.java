package org.procsec.engine.facts;

/** Section 7: what a portfolio review reports for the holding (action, or past service life). */
public record HoldingReport(org.procsec.model.HoldingAction action, boolean pastServiceLife) implements Derived {
}
