package org.procsec.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.model.Assessment;
import org.procsec.model.Finding;

import java.util.List;

/**
 * Writes assessments in the format of spec/FORMATS.md. Keys come in the spec's order and lists
 * are sorted, so the same assessment always gives the same bytes.
 */
public final class AssessmentJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private AssessmentJson() {
    }

    /** The assessment as a JSON tree. */
    public static ObjectNode toNode(Assessment a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("requestId", a.requestId());
        o.put("decision", a.decision().name());
        ArrayNode sectors = o.putArray("sensitiveSectors");
        a.sensitiveSectors().forEach(s -> sectors.add(s.name()));
        o.put("requiredClearance", a.requiredClearance().name());
        o.put("heldClearance", a.heldClearance().name());
        o.put("cseReviewRequired", a.cseReviewRequired());
        o.put("prohibited", a.prohibited());
        ArrayNode conditions = o.putArray("conditions");
        a.conditions().forEach(c -> conditions.add(c.name()));
        ArrayNode findings = o.putArray("findings");
        for (Finding f : a.findings()) {
            findings.add(toNode(f));
        }
        ObjectNode policy = o.putObject("policy");
        policy.put("edition", a.policy().edition());
        policy.put("asOf", a.policy().asOf().toString());
        policy.put("fingerprint", a.policy().fingerprint());
        if (a.holding() != null) {
            ObjectNode h = o.putObject("holding");
            h.put("action", a.holding().action().name());
            h.put("pastServiceLife", a.holding().pastServiceLife());
            h.put("serviceLifeEnds", a.holding().serviceLifeEnds().toString());
        }
        return o;
    }

    /** One finding as a JSON object; {@code remedy} only when there is one. */
    public static ObjectNode toNode(Finding f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("ruleId", f.ruleId());
        n.put("clause", f.clause());
        n.put("outcome", f.outcome().name());
        n.put("message", f.message());
        if (f.remedy() != null) {
            n.put("remedy", f.remedy());
        }
        return n;
    }

    /** Indented JSON, for people and files. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    /** One-line JSON, for JSON-lines output. */
    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }

    /** Indented JSON of one assessment. */
    public static String write(Assessment a) {
        return pretty(toNode(a));
    }

    /** Indented JSON array of several assessments, in the order given. */
    public static String write(List<Assessment> all) {
        ArrayNode array = MAPPER.createArrayNode();
        all.forEach(a -> array.add(toNode(a)));
        return pretty(array);
    }

    /** The shared mapper (plain settings). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
