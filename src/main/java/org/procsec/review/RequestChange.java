package org.procsec.review;

import org.procsec.model.Assessment;
import org.procsec.model.Finding;

import java.util.List;

/**
 * A request whose assessment changed between the two rule sets.
 *
 * @param requestId      the request id
 * @param source         where the request came from in the corpus
 * @param before         the assessment under base
 * @param after          the assessment under head
 * @param fields         the outcome fields that changed (decision first), possibly none
 * @param added          findings under head only (compared by rule id, clause, outcome and message)
 * @param removed        findings under base only
 * @param whatWouldClear counterfactuals under head when it is REFER or REJECT there, otherwise null
 */
public record RequestChange(String requestId, String source, Assessment before, Assessment after,
                            List<FieldChange> fields, List<Finding> added, List<Finding> removed,
                            Counterfactuals.Result whatWouldClear) {
    public RequestChange {
        fields = List.copyOf(fields);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** The decision under base. */
    public org.procsec.model.Decision from() {
        return before.decision();
    }

    /** The decision under head. */
    public org.procsec.model.Decision to() {
        return after.decision();
    }

    /** For an unchanged decision, what changed: {@code fields changed} or {@code findings changed}; else null. */
    public String change() {
        if (before.decision() != after.decision()) {
            return null;
        }
        return fields.isEmpty() ? "findings changed" : "fields changed";
    }

    /** The transition, e.g. {@code REFER -> REJECT} or {@code REFER -> REFER (fields changed)}. */
    public String transition() {
        String t = before.decision() + " -> " + after.decision();
        if (before.decision() != after.decision()) {
            return t;
        }
        return t + (fields.isEmpty() ? " (findings changed)" : " (fields changed)");
    }
}
