package org.procsec.internal.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The date-shape check accepts exactly what the regular expression it replaced accepted. */
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
}
