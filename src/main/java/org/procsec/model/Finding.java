package org.procsec.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One reason in an assessment: which rule, citing which clause, asked for what.
 *
 * @param ruleId  id of the rule that produced it (starts with the clause family, e.g. {@code CLR-3.7-...})
 * @param clause  POLICY clause, e.g. {@code 3.7}
 * @param outcome what the finding asks of the decision
 * @param message what was found, in words
 * @param remedy  what would resolve it; set on REFER findings, otherwise may be null
 */
public record Finding(String ruleId, String clause, Outcome outcome, String message, String remedy)
        implements Comparable<Finding> {

    /** Most severe first, then by clause (numerically), rule id and message. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::outcome, Comparator.reverseOrder())
            .thenComparing(Finding::clause, Finding::compareClauses)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(f -> f.remedy == null ? "" : f.remedy);

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }

    /** Compares clause ids such as {@code 3.10} and {@code 3.9} part by part, numerically where possible. */
    public static int compareClauses(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c;
            if (pa[i].matches("\\d+") && pb[i].matches("\\d+")) {
                c = Integer.compare(Integer.parseInt(pa[i]), Integer.parseInt(pb[i]));
            } else {
                c = pa[i].compareTo(pb[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
