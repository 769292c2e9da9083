package org.procsec.cli;

import org.procsec.model.Explanation;
import org.procsec.internal.text.LogText;
import org.procsec.model.Assessment;
import org.procsec.model.Finding;
import org.procsec.model.Outcome;
import org.procsec.internal.refdata.ReferenceData;
import org.procsec.review.Counterfactuals;
import org.procsec.review.DiffText;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An assessment as a report for a person: the decision first, then the classification, the findings
 * grouped by outcome (REJECT, REFER, CONDITION, INFO) with their clause, message and remedy, then what
 * would clear it, and with {@code --explain} one line per rule firing. Every request-derived text is
 * escaped ({@link LogText}): a line of the report is never split or forged by a request.
 */
final class AssessmentText {
    private AssessmentText() {
    }

    static String render(Assessment a, ReferenceData data, Counterfactuals.Result clear,
                         List<Explanation.Firing> fired) {
        StringBuilder s = new StringBuilder();
        s.append(e(a.requestId())).append(": ").append(a.decision()).append('\n');
        s.append("  sensitive sectors:  ").append(list(a.sensitiveSectors())).append('\n');
        s.append("  clearance:          required ").append(a.requiredClearance()).append(", held ")
                .append(a.heldClearance()).append(a.heldClearance().compareTo(a.requiredClearance()) >= 0
                        ? "" : " (short)").append('\n');
        s.append("  CSE review:         ").append(a.cseReviewRequired() ? "required" : "not required").append('\n');
        s.append("  prohibited:         ").append(a.prohibited() ? "yes" : "no").append('\n');
        s.append("  conditions:         ").append(list(a.conditions())).append('\n');
        if (a.holding() != null) {
            s.append("  holding:            ").append(a.holding().action())
                    .append(a.holding().pastServiceLife() ? ", past its service life" : "")
                    .append(a.holding().serviceLifeEnds() == null ? ""
                            : " (service life ends " + a.holding().serviceLifeEnds() + ")").append('\n');
        }
        s.append("  policy:             edition ").append(e(a.policy().edition())).append(", as of ")
                .append(a.policy().asOf()).append(", rules fingerprint ").append(a.policy().fingerprint()).append('\n');
        for (Outcome o : new Outcome[] {Outcome.REJECT, Outcome.REFER, Outcome.CONDITION, Outcome.INFO}) {
            List<Finding> fs = a.findings(o);
            if (fs.isEmpty()) {
                continue;
            }
            s.append('\n').append(o).append(" (").append(fs.size()).append(")\n");
            for (Finding f : fs) {
                String title = data == null ? null : data.clause(f.clause()).map(c -> c.title()).orElse(null);
                s.append("  ").append(f.ruleId()).append("  (clause ").append(f.clause())
                        .append(title == null ? "" : ": " + e(title)).append(")\n");
                s.append("      ").append(e(f.message())).append('\n');
                if (f.remedy() != null) {
                    s.append("      remedy: ").append(e(f.remedy())).append('\n');
                }
            }
        }
        if (a.findings().isEmpty()) {
            s.append("\n(no findings)\n");
        }
        if (clear != null) {
            s.append("\nwhat would clear it: ").append(e(DiffText.clear(clear))).append('\n');
        }
        if (fired != null) {
            s.append("\nrules fired (").append(fired.size()).append("):\n");
            int step = 1;
            for (Explanation.Firing f : fired) {
                s.append(String.format("%4d. ", step++)).append(e(f.line())).append('\n');
            }
        }
        return s.toString();
    }

    private static String list(List<? extends Enum<?>> values) {
        return values.isEmpty() ? "none" : values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String e(String text) {
        return LogText.escape(text);
    }
}
