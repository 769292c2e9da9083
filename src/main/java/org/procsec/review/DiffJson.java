package org.procsec.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.io.AssessmentJson;
import org.procsec.model.Finding;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The diff report as JSON, for tools: every part is an object or a JSON value, never text to split.
 * Transitions are {@code {"from", "to", "change", "count"}}, responsible rules
 * {@code {"ruleId", "clause", "title", "requests"}}, field values before and after are JSON values
 * (arrays, booleans, strings) as in the assessment. Deterministic: keys in a fixed order, lists sorted.
 */
public final class DiffJson {
    private DiffJson() {
    }

    /** The report as a JSON tree. */
    /** {@code r} as indented JSON (docs: README, diff --format json). */
    public static String write(DiffReport r) {
        return org.procsec.internal.json.AssessmentNodes.pretty(toNode(r));
    }

    static ObjectNode toNode(DiffReport r) {
        ObjectNode o = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
        ObjectNode base = o.putObject("base");
        base.put("rules", r.base());
        base.put("edition", r.baseEdition());
        base.put("fingerprint", r.baseFingerprint());
        ObjectNode head = o.putObject("head");
        head.put("rules", r.head());
        head.put("edition", r.headEdition());
        head.put("fingerprint", r.headFingerprint());
        if (r.asOf() == null) {
            o.putNull("asOf");
        } else {
            o.put("asOf", r.asOf().toString());
        }
        ObjectNode counts = o.putObject("counts");
        counts.put("assessed", r.assessed());
        counts.put("changed", r.changes().size());
        counts.put("unchanged", r.unchanged());
        counts.put("inputErrors", r.errors().size());
        ArrayNode transitions = o.putArray("transitions");
        Map<String, ObjectNode> byKey = new TreeMap<>();
        for (RequestChange c : r.changes()) {
            ObjectNode t = byKey.computeIfAbsent(c.transition(), k -> {
                ObjectNode n = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
                transition(n, c);
                n.put("count", 0);
                return n;
            });
            t.put("count", t.get("count").asInt() + 1);
        }
        byKey.values().forEach(transitions::add);
        ObjectNode rules = o.putObject("responsibleRules");
        rules.set("added", rules(r, r.changes().stream().map(RequestChange::added).toList()));
        rules.set("removed", rules(r, r.changes().stream().map(RequestChange::removed).toList()));
        ArrayNode files = o.putArray("ruleFiles");
        for (RuleFileChange f : r.ruleFiles()) {
            ObjectNode n = files.addObject();
            n.put("path", f.path());
            n.put("status", f.status());
            n.put("linesAdded", f.added());
            n.put("linesRemoved", f.removed());
            ArrayNode d = n.putArray("diff");
            f.diff().forEach(d::add);
        }
        ArrayNode errors = o.putArray("inputErrors");
        for (CorpusError e : r.errors()) {
            ObjectNode n = errors.addObject();
            n.put("source", e.source());
            n.put("path", e.path());
            n.put("message", e.message());
        }
        ArrayNode changes = o.putArray("changes");
        for (RequestChange c : r.changes()) {
            ObjectNode n = changes.addObject();
            n.put("requestId", c.requestId());
            n.put("source", c.source());
            transition(n.putObject("transition"), c);
            ObjectNode fields = n.putObject("fields");
            JsonNode before = org.procsec.internal.json.AssessmentNodes.toNode(c.before());
            JsonNode after = org.procsec.internal.json.AssessmentNodes.toNode(c.after());
            c.fields().forEach(f -> {
                ObjectNode fn = fields.putObject(f.field());
                fn.set("before", before.get(f.field()));
                fn.set("after", after.get(f.field()));
            });
            ArrayNode plus = n.putArray("findingsAdded");
            for (Finding f : c.added()) {
                plus.add(org.procsec.internal.json.AssessmentNodes.toNode(f));
            }
            ArrayNode minus = n.putArray("findingsRemoved");
            for (Finding f : c.removed()) {
                minus.add(org.procsec.internal.json.AssessmentNodes.toNode(f));
            }
            n.set("before", before);
            n.set("after", after);
            if (c.whatWouldClear() != null) {
                n.set("whatWouldClear", whatWouldClear(c.whatWouldClear()));
                if (c.whatWouldClear().capped()) {
                    n.put("whatWouldClearCapped", true);
                }
            }
        }
        ArrayNode same = o.putArray("unchangedRequests");
        r.unchangedRequests().forEach(same::add);
        return o;
    }

    private static void transition(ObjectNode n, RequestChange c) {
        n.put("from", c.from().name());
        n.put("to", c.to().name());
        if (c.change() == null) {
            n.putNull("change");
        } else {
            n.put("change", c.change());
        }
    }

    /** One object per rule id: its clause and title and the number of requests with such findings. */
    private static ArrayNode rules(DiffReport r, List<List<Finding>> perRequest) {
        Map<String, String[]> rules = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (List<Finding> fs : perRequest) {
            fs.stream().map(f -> new String[] {f.ruleId(), f.clause()})
                    .collect(java.util.stream.Collectors.toMap(a -> a[0] + " (" + a[1] + ")", a -> a, (a, b) -> a,
                            TreeMap::new))
                    .forEach((k, v) -> {
                        rules.put(k, v);
                        counts.merge(k, 1, Integer::sum);
                    });
        }
        ArrayNode out = org.procsec.internal.json.AssessmentNodes.nodes().arrayNode();
        rules.forEach((k, v) -> {
            ObjectNode n = out.addObject();
            n.put("ruleId", v[0]);
            n.put("clause", v[1]);
            String title = r.clauseTitle(v[1]);
            if (title == null) {
                n.putNull("title");
            } else {
                n.put("title", title);
            }
            n.put("requests", counts.get(k));
        });
        return out;
    }

    /** Counterfactual sets as an array of arrays of edit descriptions; empty when none (or already cleared). */
    static ArrayNode whatWouldClear(Counterfactuals.Result result) {
        ArrayNode sets = org.procsec.internal.json.AssessmentNodes.nodes().arrayNode();
        for (var set : result.sets()) {
            ArrayNode s = sets.addArray();
            set.forEach(e -> s.add(e.description()));
        }
        return sets;
    }
}
