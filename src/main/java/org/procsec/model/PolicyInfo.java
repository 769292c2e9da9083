package org.procsec.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which policy produced an assessment.
 *
 * @param edition     policy edition, e.g. {@code 2026.1}
 * @param asOf        date the policy was applied at (the award date unless an as-of date was given)
 * @param fingerprint {@code sha256:<hex>} over the rule and reference files (see docs/fingerprint.md)
 */
public record PolicyInfo(String edition, LocalDate asOf, String fingerprint) {
    public PolicyInfo {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
