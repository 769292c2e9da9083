package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import java.time.LocalDate;
import java.util.Map;

/**
 * When the policy is applied (POLICY 1.2).
 *
 * @param asOf        the date the policy is applied at: the as-of date when given, else the award date
 * @param awardDate   the award date of the purchase
 * @param portfolio   true when an as-of date was given (a portfolio review, section 7)
 * @param clauseDates in-force dates of the dated clauses, by clause id
 */
@ClassReactive // immutable: never modified, so property reactivity buys nothing
public record Context(LocalDate asOf, LocalDate awardDate, boolean portfolio, Map<String, LocalDate> clauseDates, int rq) implements RequestScoped {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public Context(LocalDate asOf, LocalDate awardDate, boolean portfolio, Map<String, LocalDate> clauseDates) {
        this(asOf, awardDate, portfolio, clauseDates, RequestScope.current());
    }

    public Context {
        clauseDates = Map.copyOf(clauseDates);
    }

    /** As a record prints itself, with the clause dates sorted by clause (explain output is the same every run). */
    @Override
    public String toString() {
        return "Context[asOf=" + asOf + ", awardDate=" + awardDate + ", portfolio=" + portfolio
                + ", clauseDates=" + new java.util.TreeMap<>(clauseDates) + "]";
    }

    /** True when {@code clause} is in force on the as-of date (undated clauses always are). */
    public boolean inForce(String clause) {
        LocalDate from = clauseDates.get(clause);
        return from == null || !asOf.isBefore(from);
    }

    /** The day {@code years} after the award date (the end of a service life of that length, 7.2). */
    public LocalDate awardPlusYears(int years) {
        return awardDate.plusYears(years);
    }

    /** True when a service life of {@code years} from the award date has ended by the as-of date (7.2). */
    public boolean serviceLifeEnded(int years) {
        return !awardDate.plusYears(years).isAfter(asOf);
    }

    /** True when a dated entry (from {@code from}, null: always) applies on the as-of date. */
    public boolean reached(LocalDate from) {
        return from == null || !asOf.isBefore(from);
    }
}
