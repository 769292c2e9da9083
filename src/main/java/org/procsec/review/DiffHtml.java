package org.procsec.review;

import org.procsec.model.Assessment;
import org.procsec.model.Finding;

import java.util.List;
import java.util.Map;

/**
 * The diff report as one self-contained HTML page: inline CSS, an inline SVG bar chart of the transitions,
 * no scripts and no external resources (no links to other pages, images, fonts or style sheets), so that
 * it opens in a browser without network access. A table of contents links to every section and every
 * changed request; the responsible rules carry their clause titles; the rule files that differ are shown
 * as a unified diff. All text from requests and rules is escaped.
 */
public final class DiffHtml {
    private DiffHtml() {
    }

    /** The page. */
    public static String render(DiffReport r) {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>procsec policy diff</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222;max-width:80em}")
                .append("table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("th{background:#eee}.change{border-top:2px solid #444;margin-top:2em}")
                .append(".side{display:flex;gap:1em}.side>div{flex:1}.add{color:#060}.rem{color:#900}")
                .append("ul{padding-left:1.2em}code{background:#f4f4f4}.none{color:#777;font-style:italic}")
                .append("nav{background:#f7f7f7;border:1px solid #ddd;padding:.5em 1em;display:inline-block}")
                .append("pre.udiff{background:#fafafa;border:1px solid #ddd;padding:.5em;overflow-x:auto;")
                .append("font-size:90%;line-height:1.3}pre.udiff .add{background:#e6ffe6}")
                .append("pre.udiff .rem{background:#ffe6e6}pre.udiff .hunk{color:#05a}pre.udiff .file{font-weight:bold}")
                .append(".clause{color:#555}\n</style>\n</head>\n<body>\n");
        s.append("<h1 id=\"top\">Policy diff</h1>\n");
        toc(s, r);
        s.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n");
        row(s, "base", r.base() + " (edition " + r.baseEdition() + ")");
        row(s, "base fingerprint", r.baseFingerprint());
        row(s, "head", r.head() + " (edition " + r.headEdition() + ")");
        row(s, "head fingerprint", r.headFingerprint());
        row(s, "as of", r.asOf() == null ? "each request's own date" : r.asOf().toString());
        row(s, "assessed", "" + r.assessed());
        row(s, "changed", "" + r.changes().size());
        row(s, "unchanged", "" + r.unchanged());
        row(s, "input errors", "" + r.errors().size());
        row(s, "rule files that differ", "" + r.ruleFiles().size());
        s.append("</table>\n");

        s.append("<h2 id=\"rule-files\">Rule changes (DRL and reference data, base &#8594; head)</h2>\n");
        if (r.ruleFiles().isEmpty()) {
            s.append("<p class=\"none\">(no rule file differs, or the rule files were not compared)</p>\n");
        }
        for (int i = 0; i < r.ruleFiles().size(); i++) {
            RuleFileChange f = r.ruleFiles().get(i);
            s.append("<h3 id=\"file-").append(i + 1).append("\"><code>").append(esc(f.path())).append("</code> <small>(")
                    .append(f.status()).append(", +").append(f.added()).append(" &#8722;").append(f.removed())
                    .append(" lines)</small></h3>\n<pre class=\"udiff\">");
            for (String line : f.diff()) {
                String cls = line.startsWith("+++") || line.startsWith("---") ? "file"
                        : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "add" : line.startsWith("-") ? "rem"
                        : null;
                if (cls != null) {
                    s.append("<span class=\"").append(cls).append("\">").append(esc(line)).append("</span>\n");
                } else {
                    s.append(esc(line)).append('\n');
                }
            }
            s.append("</pre>\n");
        }

        s.append("<h2 id=\"transitions\">Transitions</h2>\n");
        chart(s, r.transitions());
        if (r.transitions().isEmpty()) {
            s.append("<p class=\"none\">(no request changed)</p>\n");
        } else {
            s.append("<table class=\"transitions\">\n<tr><th>from</th><th>to</th><th>requests</th></tr>\n");
            Map<String, RequestChange> firstOf = new java.util.TreeMap<>();
            r.changes().forEach(c -> firstOf.putIfAbsent(c.transition(), c));
            firstOf.forEach((k, c) -> s.append("<tr><td>").append(c.from()).append("</td><td>").append(c.to())
                    .append(c.change() == null ? "" : " (" + c.change() + ")").append("</td><td>")
                    .append(r.transitions().get(k)).append("</td></tr>\n"));
            s.append("</table>\n");
        }

        s.append("<h2 id=\"rules\">Responsible rules</h2>\n");
        if (r.rulesAdded().isEmpty() && r.rulesRemoved().isEmpty()) {
            s.append("<p class=\"none\">(no findings added or removed)</p>\n");
        } else {
            s.append("<table class=\"rules\">\n")
                    .append("<tr><th></th><th>rule</th><th>clause</th><th>requests</th></tr>\n");
            r.rulesAdded().forEach((k, v) -> ruleRow(s, r, "add", "findings added", k, v));
            r.rulesRemoved().forEach((k, v) -> ruleRow(s, r, "rem", "findings removed", k, v));
            s.append("</table>\n");
        }
        if (!r.errors().isEmpty()) {
            s.append("<h2 id=\"errors\">Input errors</h2>\n<ul class=\"errors\">\n");
            r.errors().forEach(e -> s.append("<li>").append(esc(e.toString())).append("</li>\n"));
            s.append("</ul>\n");
        }
        s.append("<h2 id=\"changes\">Changed requests</h2>\n");
        if (r.changes().isEmpty()) {
            s.append("<p class=\"none\">(none)</p>\n");
        }
        for (int i = 0; i < r.changes().size(); i++) {
            RequestChange c = r.changes().get(i);
            s.append("<section class=\"change\" id=\"change-").append(i + 1).append("\">\n<h3>")
                    .append(esc(c.requestId())).append(" <small>(").append(esc(c.source())).append(")</small>: ")
                    .append(esc(c.transition())).append("</h3>\n");
            if (!c.fields().isEmpty()) {
                s.append("<table class=\"fields\">\n<tr><th>field</th><th>before</th><th>after</th></tr>\n");
                c.fields().forEach(f -> s.append("<tr><td>").append(esc(f.field())).append("</td><td>")
                        .append(esc(f.before())).append("</td><td>").append(esc(f.after())).append("</td></tr>\n"));
                s.append("</table>\n");
            }
            s.append("<div class=\"side\">\n");
            side(s, "before", c.before(), c.removed(), "rem");
            side(s, "after", c.after(), c.added(), "add");
            s.append("</div>\n");
            if (c.whatWouldClear() != null) {
                s.append("<p class=\"clear\">What would clear it: ").append(esc(DiffText.clear(c.whatWouldClear())))
                        .append("</p>\n");
            }
            s.append("<p><a href=\"#top\">back to the top</a></p>\n</section>\n");
        }
        s.append("<h2 id=\"unchanged\">Unchanged requests</h2>\n");
        if (r.unchangedRequests().isEmpty()) {
            s.append("<p class=\"none\">(").append(r.unchanged() == 0 ? "none" : r.unchanged() + " requests")
                    .append(")</p>\n");
        } else {
            s.append("<ul class=\"unchanged\">\n");
            r.unchangedRequests().forEach(u -> s.append("<li>").append(esc(u)).append("</li>\n"));
            s.append("</ul>\n");
        }
        s.append("</body>\n</html>\n");
        return s.toString();
    }

    private static void toc(StringBuilder s, DiffReport r) {
        s.append("<nav class=\"toc\">\n<strong>Contents</strong>\n<ul>\n")
                .append("<li><a href=\"#summary\">Summary</a></li>\n")
                .append("<li><a href=\"#rule-files\">Rule changes</a> (").append(r.ruleFiles().size()).append(")");
        if (!r.ruleFiles().isEmpty()) {
            s.append("\n<ul>\n");
            for (int i = 0; i < r.ruleFiles().size(); i++) {
                s.append("<li><a href=\"#file-").append(i + 1).append("\">").append(esc(r.ruleFiles().get(i).path()))
                        .append("</a></li>\n");
            }
            s.append("</ul>\n");
        }
        s.append("</li>\n<li><a href=\"#transitions\">Transitions</a></li>\n")
                .append("<li><a href=\"#rules\">Responsible rules</a></li>\n");
        if (!r.errors().isEmpty()) {
            s.append("<li><a href=\"#errors\">Input errors</a> (").append(r.errors().size()).append(")</li>\n");
        }
        s.append("<li><a href=\"#changes\">Changed requests</a> (").append(r.changes().size()).append(")");
        if (!r.changes().isEmpty()) {
            s.append("\n<ul>\n");
            for (int i = 0; i < r.changes().size(); i++) {
                RequestChange c = r.changes().get(i);
                s.append("<li><a href=\"#change-").append(i + 1).append("\">").append(esc(c.requestId()))
                        .append("</a>: ").append(esc(c.transition())).append("</li>\n");
            }
            s.append("</ul>\n");
        }
        s.append("</li>\n<li><a href=\"#unchanged\">Unchanged requests</a> (").append(r.unchanged())
                .append(")</li>\n</ul>\n</nav>\n");
    }

    private static void ruleRow(StringBuilder s, DiffReport r, String cls, String what, String key, int count) {
        int open = key.lastIndexOf(" (");
        String ruleId = open < 0 ? key : key.substring(0, open);
        String clause = open < 0 ? "" : key.substring(open + 2, key.length() - 1);
        String title = r.clauseTitle(clause);
        s.append("<tr><td class=\"").append(cls).append("\">").append(what).append("</td><td><code>")
                .append(esc(ruleId)).append("</code></td><td>").append(esc(clause))
                .append(title == null ? "" : " <span class=\"clause\">" + esc(title) + "</span>")
                .append("</td><td>").append(count).append("</td></tr>\n");
    }

    private static void side(StringBuilder s, String title, Assessment a, List<Finding> marked, String cssClass) {
        s.append("<div class=\"").append(title).append("\">\n<h4>").append(title).append(": ")
                .append(a.decision()).append("</h4>\n");
        if (a.findings().isEmpty()) {
            s.append("<p class=\"none\">(no findings)</p>\n</div>\n");
            return;
        }
        s.append("<ul>\n");
        for (Finding f : a.findings()) {
            boolean m = marked.stream().anyMatch(x -> x.ruleId().equals(f.ruleId()) && x.clause().equals(f.clause())
                    && x.outcome() == f.outcome() && x.message().equals(f.message()));
            s.append("<li").append(m ? " class=\"" + cssClass + "\"" : "").append(">")
                    .append(m ? (cssClass.equals("add") ? "+ " : "- ") : "")
                    .append(esc(DiffText.finding(f))).append("</li>\n");
        }
        s.append("</ul>\n</div>\n");
    }

    private static void chart(StringBuilder s, Map<String, Integer> transitions) {
        int max = transitions.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int barHeight = 22;
        int height = Math.max(1, transitions.size()) * (barHeight + 6) + 10;
        s.append("<svg class=\"chart\" width=\"720\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"transitions\">\n");
        int y = 5;
        for (Map.Entry<String, Integer> e : transitions.entrySet()) {
            int w = (int) Math.round(300.0 * e.getValue() / max);
            s.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">").append(esc(e.getKey()))
                    .append("</text>\n<rect x=\"330\" y=\"").append(y).append("\" width=\"").append(Math.max(w, 2))
                    .append("\" height=\"").append(barHeight).append("\" fill=\"#4a78b0\"/>\n<text x=\"")
                    .append(336 + w).append("\" y=\"").append(y + 16).append("\" font-size=\"13\">")
                    .append(e.getValue()).append("</text>\n");
            y += barHeight + 6;
        }
        if (transitions.isEmpty()) {
            s.append("<text x=\"0\" y=\"20\" font-size=\"13\">no changes</text>\n");
        }
        s.append("</svg>\n");
    }

    private static void row(StringBuilder s, String key, String value) {
        s.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
