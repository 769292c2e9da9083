package org.procsec.review;

import org.procsec.model.Assessment;
import org.procsec.model.Finding;

import java.util.Map;

/**
 * The diff report as one self-contained HTML page: inline CSS, an inline SVG bar chart of the transitions,
 * no scripts and no external resources, so that it opens in a browser without network access. All text
 * from requests and rules is escaped.
 */
public final class DiffHtml {
    private DiffHtml() {
    }

    /** The page. */
    public static String render(DiffReport r) {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>procsec policy diff</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("th{background:#eee}.change{border-top:2px solid #444;margin-top:2em}")
                .append(".side{display:flex;gap:1em}.side>div{flex:1}.add{color:#060}.rem{color:#900}")
                .append("ul{padding-left:1.2em}code{background:#f4f4f4}\n</style>\n</head>\n<body>\n");
        s.append("<h1>Policy diff</h1>\n<table class=\"summary\" id=\"summary\">\n");
        row(s, "base", r.base() + " (edition " + r.baseEdition() + ")");
        row(s, "head", r.head() + " (edition " + r.headEdition() + ")");
        row(s, "as of", r.asOf() == null ? "each request's own date" : r.asOf().toString());
        row(s, "assessed", "" + r.assessed());
        row(s, "changed", "" + r.changes().size());
        row(s, "unchanged", "" + r.unchanged());
        row(s, "input errors", "" + r.errors().size());
        s.append("</table>\n");
        s.append("<h2>Transitions</h2>\n");
        chart(s, r.transitions());
        s.append("<table class=\"transitions\">\n<tr><th>transition</th><th>requests</th></tr>\n");
        r.transitions().forEach((k, v) -> s.append("<tr><td>").append(esc(k)).append("</td><td>").append(v)
                .append("</td></tr>\n"));
        s.append("</table>\n<h2>Responsible rules</h2>\n<table class=\"rules\">\n")
                .append("<tr><th></th><th>rule (clause)</th><th>requests</th></tr>\n");
        r.rulesAdded().forEach((k, v) -> s.append("<tr><td class=\"add\">added</td><td>").append(esc(k))
                .append("</td><td>").append(v).append("</td></tr>\n"));
        r.rulesRemoved().forEach((k, v) -> s.append("<tr><td class=\"rem\">removed</td><td>").append(esc(k))
                .append("</td><td>").append(v).append("</td></tr>\n"));
        s.append("</table>\n");
        if (!r.errors().isEmpty()) {
            s.append("<h2>Input errors</h2>\n<ul class=\"errors\">\n");
            r.errors().forEach(e -> s.append("<li>").append(esc(e.toString())).append("</li>\n"));
            s.append("</ul>\n");
        }
        s.append("<h2>Changed requests</h2>\n");
        for (RequestChange c : r.changes()) {
            s.append("<section class=\"change\">\n<h3>").append(esc(c.requestId())).append(" <small>(")
                    .append(esc(c.source())).append(")</small>: ").append(esc(c.transition())).append("</h3>\n");
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
            s.append("</section>\n");
        }
        s.append("</body>\n</html>\n");
        return s.toString();
    }

    private static void side(StringBuilder s, String title, Assessment a, java.util.List<Finding> marked,
                             String cssClass) {
        s.append("<div class=\"").append(title).append("\">\n<h4>").append(title).append(": ")
                .append(a.decision()).append("</h4>\n<ul>\n");
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
