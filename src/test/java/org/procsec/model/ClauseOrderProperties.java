package org.procsec.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Finding#compareClauses} orders clause ids exactly as the version it replaced, which split
 * them with {@code String.split("\\.")} on every comparison (kept here as the oracle), including
 * empty parts, trailing dots, leading zeros and letters.
 */
class ClauseOrderProperties {

    @Provide
    Arbitrary<String> clauses() {
        return Arbitraries.strings().withChars("0123456789.a.A").ofMinLength(0).ofMaxLength(9);
    }

    @Property(tries = 5000)
    void sameOrderAsSplittingAtDots(@ForAll("clauses") String a, @ForAll("clauses") String b) {
        assertThat(Integer.signum(Finding.compareClauses(a, b))).as("%s vs %s", a, b)
                .isEqualTo(Integer.signum(oracle(a, b)));
    }

    @Property(tries = 200)
    void knownOrders(@ForAll("clauses") String a) {
        assertThat(Finding.compareClauses(a, a)).isZero();
        assertThat(Finding.compareClauses("3.9", "3.10")).isNegative();
        assertThat(Finding.compareClauses("3.10", "3.9")).isPositive();
        assertThat(Finding.compareClauses("1.5", "1.5.1")).isNegative();
        assertThat(Finding.compareClauses("007", "7")).isZero();
    }

    private static int oracle(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c = digits(pa[i]) && digits(pb[i]) ? numerals(pa[i], pb[i]) : pa[i].compareTo(pb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int numerals(String a, String b) {
        String x = strip(a);
        String y = strip(b);
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }

    private static String strip(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
