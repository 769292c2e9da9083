package org.procsec.model;

/** What a finding asks of the decision, least severe first. */
public enum Outcome {
    INFO, CONDITION, REFER, REJECT;

    /** The least decision this outcome allows (INFO allows APPROVE). */
    public Decision floor() {
        return switch (this) {
            case INFO -> Decision.APPROVE;
            case CONDITION -> Decision.APPROVE_WITH_CONDITIONS;
            case REFER -> Decision.REFER;
            case REJECT -> Decision.REJECT;
        };
    }
}
