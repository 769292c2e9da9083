package org.procsec.review;

import org.procsec.internal.text.LogText;
import org.procsec.model.Finding;

/**
 * The diff report as plain text: summary first (both rule sets with edition and fingerprint, the rule
 * files that differ, transitions, responsible rules with their clause titles), then each changed
 * request, then the unchanged ones. Deterministic. Request-derived text is escaped ({@link LogText}),
 * so that a request cannot add or forge lines of the report.
 */
public final class DiffText {
    private DiffText() {
    }

    /** The report as text, lines ending in {@code \n}. */
    public static String render(DiffReport r) {
        StringBuilder s = new StringBuilder();
        s.append("base: ").append(e(r.base())).append(" (edition ").append(e(r.baseEdition())).append(", ")
                .append(r.baseFingerprint()).append(")\n");
        s.append("head: ").append(e(r.head())).append(" (edition ").append(e(r.headEdition())).append(", ")
                .append(r.headFingerprint()).append(")\n");
        s.append("as of: ").append(r.asOf() == null ? "each request's own date" : r.asOf()).append('\n');
        s.append("requests: ").append(r.assessed()).append(" assessed, ").append(r.changes().size())
                .append(" changed, ").append(r.unchanged()).append(" unchanged, ").append(r.errors().size())
                .append(" input errors\n");
        if (!r.ruleFiles().isEmpty()) {
            s.append("\nrule files that differ:\n");
            r.ruleFiles().forEach(f -> s.append("  ").append(e(f.path())).append(": ").append(f.status())
                    .append(", +").append(f.added()).append(" -").append(f.removed()).append(" lines\n"));
        }
        if (!r.transitions().isEmpty()) {
            s.append("\ntransitions:\n");
            r.transitions().forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        if (!r.rulesAdded().isEmpty() || !r.rulesRemoved().isEmpty()) {
            s.append("\nresponsible rules (requests affected):\n");
            r.rulesAdded().forEach((k, v) -> s.append("  + ").append(titled(r, k)).append(": ").append(v).append('\n'));
            r.rulesRemoved().forEach((k, v) -> s.append("  - ").append(titled(r, k)).append(": ").append(v)
                    .append('\n'));
        }
        if (!r.errors().isEmpty()) {
            s.append("\ninput errors:\n");
            r.errors().forEach(x -> s.append("  ").append(e(x.toString())).append('\n'));
        }
        for (RequestChange c : r.changes()) {
            s.append("\n== ").append(e(c.requestId())).append(" (").append(e(c.source())).append("): ")
                    .append(c.transition()).append('\n');
            c.fields().forEach(f -> s.append("  ").append(f.field()).append(": ").append(f.before()).append(" -> ")
                    .append(f.after()).append('\n'));
            c.added().forEach(f -> s.append("  + ").append(e(finding(f))).append('\n'));
            c.removed().forEach(f -> s.append("  - ").append(e(finding(f))).append('\n'));
            if (c.whatWouldClear() != null) {
                s.append("  what would clear it: ").append(e(clear(c.whatWouldClear()))).append('\n');
            }
        }
        if (!r.unchangedRequests().isEmpty()) {
            s.append("\nunchanged:\n");
            r.unchangedRequests().forEach(u -> s.append("  ").append(e(u)).append('\n'));
        }
        return s.toString();
    }

    /** {@code ruleId (clause)} as the report keys it, with the clause's title: {@code ruleId (clause: title)}. */
    static String titled(DiffReport r, String key) {
        int open = key.lastIndexOf(" (");
        if (open < 0 || !key.endsWith(")")) {
            return key;
        }
        String clause = key.substring(open + 2, key.length() - 1);
        String title = r.clauseTitle(clause);
        return title == null ? key : key.substring(0, key.length() - 1) + ": " + e(title) + ")";
    }

    private static String e(String text) {
        return LogText.escape(text);
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
