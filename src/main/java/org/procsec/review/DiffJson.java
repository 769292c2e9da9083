package org.procsec.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.io.AssessmentJson;
import org.procsec.model.Finding;

/** The diff report as JSON. Deterministic: keys in a fixed order, lists sorted. */
public final class DiffJson {
    private DiffJson() {
    }

    /** The report as a JSON tree. */
    public static ObjectNode toNode(DiffReport r) {
        ObjectNode o = AssessmentJson.nodes().objectNode();
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
        ObjectNode transitions = o.putObject("transitions");
        r.transitions().forEach(transitions::put);
        ObjectNode rules = o.putObject("responsibleRules");
        ObjectNode added = rules.putObject("added");
        r.rulesAdded().forEach(added::put);
        ObjectNode removed = rules.putObject("removed");
        r.rulesRemoved().forEach(removed::put);
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
            n.put("transition", c.transition());
            ObjectNode fields = n.putObject("fields");
            c.fields().forEach(f -> {
                ObjectNode fn = fields.putObject(f.field());
                fn.put("before", f.before());
                fn.put("after", f.after());
            });
            ArrayNode plus = n.putArray("findingsAdded");
            for (Finding f : c.added()) {
                plus.add(AssessmentJson.toNode(f));
            }
            ArrayNode minus = n.putArray("findingsRemoved");
            for (Finding f : c.removed()) {
                minus.add(AssessmentJson.toNode(f));
            }
            n.set("before", AssessmentJson.toNode(c.before()));
            n.set("after", AssessmentJson.toNode(c.after()));
            if (c.whatWouldClear() != null) {
                n.set("whatWouldClear", whatWouldClear(c.whatWouldClear()));
                if (c.whatWouldClear().capped()) {
                    n.put("whatWouldClearCapped", true);
                }
            }
        }
        return o;
    }

    /** Counterfactual sets as an array of arrays of edit descriptions; empty when none (or already cleared). */
    public static ArrayNode whatWouldClear(Counterfactuals.Result result) {
        ArrayNode sets = AssessmentJson.nodes().arrayNode();
        for (var set : result.sets()) {
            ArrayNode s = sets.addArray();
            set.forEach(e -> s.add(e.description()));
        }
        return sets;
    }
}
