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
            int c = isDigits(pa[i]) && isDigits(pb[i]) ? compareNumerals(pa[i], pb[i]) : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Numeric order of two digit strings of any length (no overflow). */
    private static int compareNumerals(String a, String b) {
        String x = stripLeadingZeros(a);
        String y = stripLeadingZeros(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
