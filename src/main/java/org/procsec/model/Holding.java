package org.procsec.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The portfolio-review part of an assessment (POLICY section 7); present only when the
 * assessment was made as of a date (a review of an existing holding).
 *
 * @param action          what to do with it under the policy in force on the review date (7.1)
 * @param pastServiceLife true when its service life has ended by the review date (7.2)
 * @param serviceLifeEnds the award date plus the service life in years; null only when the
 *                        evaluation failed before the rules of 7.2 ran (the decision is then REFER)
 */
public record Holding(HoldingAction action, boolean pastServiceLife, LocalDate serviceLifeEnds) {
    public Holding {
        Objects.requireNonNull(action, "action");
    }
}
