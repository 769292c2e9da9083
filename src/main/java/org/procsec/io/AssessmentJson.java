package org.procsec.io;

import org.procsec.internal.json.AssessmentNodes;
import org.procsec.model.Assessment;

import java.util.List;

/**
 * Writes assessments in the format of docs/FORMATS.md. Keys come in the format's order and lists
 * are sorted, so the same assessment always gives the same bytes. Thread-safe.
 */
public final class AssessmentJson {
    private AssessmentJson() {
    }

    /** {@code a} as indented JSON. */
    public static String write(Assessment a) {
        return AssessmentNodes.write(a);
    }

    /** {@code all} as an indented JSON array, in the order given. */
    public static String write(List<Assessment> all) {
        return AssessmentNodes.write(all);
    }

    /** {@code a} as JSON on one line (one JSON-lines record). */
    public static String writeCompact(Assessment a) {
        return AssessmentNodes.compact(a);
    }
}
