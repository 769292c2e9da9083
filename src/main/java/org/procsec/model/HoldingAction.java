package org.procsec.model;

/** What a portfolio review says to do with an existing holding (POLICY 7.1). */
public enum HoldingAction {
    /** Would be REJECTed today: report for replacement. */
    REPLACE,
    /** Would be REFERred today: review at its next maintenance renewal. */
    REVIEW_AT_RENEWAL,
    /** Nothing to do under today's policy. */
    KEEP
}
