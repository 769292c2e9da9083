package org.procsec.internal.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date-shape check accepts exactly what the regular expression it replaced accepted, and the
 * date read from such a shape is exactly what {@code LocalDate.parse} gives (or fails alike).
 */
class DateShapeProperties {
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-/x\u0660\uff11 ").ofMinLength(8).ofMaxLength(12),
                Arbitraries.strings().numeric().ofLength(8).map(s -> s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6)));
    }

    @Property(tries = 5000)
    void sameAsTheRegularExpression(@ForAll("texts") String s) {
        assertThat(RequestReader.isIsoDateShape(s)).as(s).isEqualTo(s.matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void everyShapedDate_isReadAsLocalDateParseReadsIt() {
        java.util.Random random = new java.util.Random(3);
        int valid = 0;
        for (int n = 0; n < 200_000; n++) {
            // Years of every kind (0000, leap, centuries), months and days 00-99: valid and impossible dates.
            int year = n < 100_000 ? random.nextInt(10_000) : 1896 + random.nextInt(210);
            String s = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, random.nextInt(n % 3 == 0 ? 100 : 13),
                    random.nextInt(n % 3 == 0 ? 100 : 32));
            java.time.LocalDate expected;
            try {
                expected = java.time.LocalDate.parse(s);
                valid++;
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            assertThat(RequestReader.isoDate(s)).as(s).isEqualTo(expected);
        }
        assertThat(valid).isBetween(50_000, 190_000);
    }
}
