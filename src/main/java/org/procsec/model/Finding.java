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

    /**
     * Compares clause ids such as {@code 3.10} and {@code 3.9} part by part (parts split at '.', as
     * {@code String.split("\\.")} splits them), numerically where both parts are digits. Runs
     * without allocating: it orders every finding of every assessment.
     */
    public static int compareClauses(String a, String b) {
        int na = partCount(a);
        int nb = partCount(b);
        int ia = 0;
        int ib = 0;
        for (int k = 0; k < Math.min(na, nb); k++) {
            int ea = end(a, ia);
            int eb = end(b, ib);
            int c = isDigits(a, ia, ea) && isDigits(b, ib, eb) ? compareNumerals(a, ia, ea, b, ib, eb)
                    : compareRange(a, ia, ea, b, ib, eb);
            if (c != 0) {
                return c;
            }
            ia = ea + 1;
            ib = eb + 1;
        }
        return Integer.compare(na, nb);
    }

    /** The number of parts {@code s.split("\\.")} gives: trailing empty parts are dropped. */
    private static int partCount(String s) {
        if (s.indexOf('.') < 0) {
            return 1;
        }
        int last = s.length() - 1;
        while (last >= 0 && s.charAt(last) == '.') {
            last--;
        }
        int parts = last < 0 ? 0 : 1;
        for (int i = 0; i <= last; i++) {
            if (s.charAt(i) == '.') {
                parts++;
            }
        }
        return parts;
    }

    private static int end(String s, int from) {
        int dot = s.indexOf('.', from);
        return dot < 0 ? s.length() : dot;
    }

    private static boolean isDigits(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code String.compareTo} of two ranges. */
    private static int compareRange(String a, int fa, int ta, String b, int fb, int tb) {
        int n = Math.min(ta - fa, tb - fb);
        for (int i = 0; i < n; i++) {
            int c = a.charAt(fa + i) - b.charAt(fb + i);
            if (c != 0) {
                return c;
            }
        }
        return (ta - fa) - (tb - fb);
    }

    /** Numeric order of two digit ranges of any length (no overflow). */
    private static int compareNumerals(String a, int fa, int ta, String b, int fb, int tb) {
        while (fa < ta - 1 && a.charAt(fa) == '0') {
            fa++;
        }
        while (fb < tb - 1 && b.charAt(fb) == '0') {
            fb++;
        }
        return ta - fa != tb - fb ? Integer.compare(ta - fa, tb - fb) : compareRange(a, fa, ta, b, fb, tb);
    }
}
