package org.procsec.review;

import org.procsec.model.Finding;

/** The diff report as plain text: summary first, then each changed request. Deterministic. */
public final class DiffText {
    private DiffText() {
    }

    /** The report as text, lines ending in {@code \n}. */
    public static String render(DiffReport r) {
        StringBuilder s = new StringBuilder();
        s.append("base: ").append(r.base()).append(" (edition ").append(r.baseEdition()).append(")\n");
        s.append("head: ").append(r.head()).append(" (edition ").append(r.headEdition()).append(")\n");
        s.append("as of: ").append(r.asOf() == null ? "each request's own date" : r.asOf()).append('\n');
        s.append("requests: ").append(r.assessed()).append(" assessed, ").append(r.changes().size())
                .append(" changed, ").append(r.unchanged()).append(" unchanged, ").append(r.errors().size())
                .append(" input errors\n");
        if (!r.transitions().isEmpty()) {
            s.append("\ntransitions:\n");
            r.transitions().forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        if (!r.rulesAdded().isEmpty() || !r.rulesRemoved().isEmpty()) {
            s.append("\nresponsible rules (requests affected):\n");
            r.rulesAdded().forEach((k, v) -> s.append("  + ").append(k).append(": ").append(v).append('\n'));
            r.rulesRemoved().forEach((k, v) -> s.append("  - ").append(k).append(": ").append(v).append('\n'));
        }
        if (!r.errors().isEmpty()) {
            s.append("\ninput errors:\n");
            r.errors().forEach(e -> s.append("  ").append(e).append('\n'));
        }
        for (RequestChange c : r.changes()) {
            s.append("\n== ").append(c.requestId()).append(" (").append(c.source()).append("): ")
                    .append(c.transition()).append('\n');
            c.fields().forEach(f -> s.append("  ").append(f.field()).append(": ").append(f.before()).append(" -> ")
                    .append(f.after()).append('\n'));
            c.added().forEach(f -> s.append("  + ").append(finding(f)).append('\n'));
            c.removed().forEach(f -> s.append("  - ").append(finding(f)).append('\n'));
            if (c.whatWouldClear() != null) {
                s.append("  what would clear it: ").append(clear(c.whatWouldClear())).append('\n');
            }
        }
        return s.toString();
    }

    /** {@code ruleId (clause) OUTCOME: message}. */
    public static String finding(Finding f) {
        return f.ruleId() + " (" + f.clause() + ") " + f.outcome() + ": " + f.message();
    }

    /** The counterfactual sets in words: {@code a + b | c}, or {@code none within reach}. */
    public static String clear(Counterfactuals.Result result) {
        String cap = result.capped() ? " (search stopped at the cap of " + result.assessments() + " re-assessments)" : "";
        if (result.sets().isEmpty()) {
            return result.capped() ? "none found" + cap : result.noneWithinReach() ? "none within reach" : "already cleared";
        }
        return String.join(" | ", result.sets().stream()
                .map(set -> String.join(" + ", set.stream().map(Edit::description).toList())).toList()) + cap;
    }
}
