package org.procsec.internal.json;

import org.procsec.internal.text.LogText;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.model.Assessment;
import org.procsec.model.Finding;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes assessments in the format of docs/FORMATS.md. Keys come in the spec's order and lists
 * are sorted, so the same assessment always gives the same bytes.
 */
public final class AssessmentNodes {
    // Trees are written with the streaming generator, not an ObjectMapper: same bytes, and a cold
    // CLI start does not load Jackson's serializer machinery (about 0.2 s, docs/performance.md).
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new TerminalSafe());
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private AssessmentNodes() {
    }

    /**
     * JSON escapes for what {@link LogText} escapes beyond the C0 controls JSON itself escapes (C1
     * controls, line separators, bidirectional controls): the same text, written so that JSON shown
     * on a terminal cannot move the cursor or reorder what is shown. Other characters are written as they are.
     */
    private static final class TerminalSafe extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch <= 0xFFFF && !Character.isSurrogate((char) ch) && LogText.unsafe((char) ch)
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    /** The assessment as a JSON tree. */
    public static ObjectNode toNode(Assessment a) {
        ObjectNode o = NODES.objectNode();
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
            if (a.holding().serviceLifeEnds() != null) {
                h.put("serviceLifeEnds", a.holding().serviceLifeEnds().toString());
            } else {
                h.putNull("serviceLifeEnds");
            }
        }
        return o;
    }

    /** One finding as a JSON object; {@code remedy} only when there is one. */
    public static ObjectNode toNode(Finding f) {
        ObjectNode n = NODES.objectNode();
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
        return write(node, true);
    }

    /** One-line JSON, for JSON-lines output. */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    /** Indented JSON of one assessment. */
    public static String write(Assessment a) {
        return write(a, true, -1);
    }

    /** One-line JSON of one assessment: the bytes of {@code compact(toNode(a))}, without the tree. */
    public static String compact(Assessment a) {
        return write(a, false, -1);
    }

    /**
     * One-line JSON of one assessment with {@code "line": line} first, as {@code scan} writes it:
     * {@code {"line":7,"requestId":...}}.
     */
    public static String compactWithLine(long line, Assessment a) {
        return write(a, false, line);
    }

    private static String write(Assessment a, boolean pretty, long line) {
        CharsOut out = new CharsOut(512 + 256 * a.findings().size());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(PRETTY.createInstance());
            }
            g.writeStartObject();
            if (line >= 0) {
                g.writeNumberField("line", line);
            }
            writeFields(g, a);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an assessment failed", e);
        }
        return out.toString();
    }

    /**
     * A writer into one growing char array, made a String once at the end. StringWriter appends
     * through a synchronized StringBuffer that re-checks every char; this made writing an assessment
     * about 15 % slower (JsonPathBenchmark.write, docs/performance.md).
     */
    private static final class CharsOut extends java.io.Writer {
        private char[] chars;
        private int length;

        CharsOut(int capacity) {
            chars = new char[capacity];
        }

        @Override
        public void write(char[] from, int offset, int count) {
            room(count);
            System.arraycopy(from, offset, chars, length, count);
            length += count;
        }

        @Override
        public void write(String from, int offset, int count) {
            room(count);
            from.getChars(offset, offset + count, chars, length);
            length += count;
        }

        private void room(int count) {
            if (length + count > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    /** The fields of {@link #toNode(Assessment)}, in its order, streamed. */
    private static void writeFields(JsonGenerator g, Assessment a) throws IOException {
        g.writeStringField("requestId", a.requestId());
        g.writeStringField("decision", a.decision().name());
        g.writeArrayFieldStart("sensitiveSectors");
        for (var s : a.sensitiveSectors()) {
            g.writeString(s.name());
        }
        g.writeEndArray();
        g.writeStringField("requiredClearance", a.requiredClearance().name());
        g.writeStringField("heldClearance", a.heldClearance().name());
        g.writeBooleanField("cseReviewRequired", a.cseReviewRequired());
        g.writeBooleanField("prohibited", a.prohibited());
        g.writeArrayFieldStart("conditions");
        for (var c : a.conditions()) {
            g.writeString(c.name());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : a.findings()) {
            g.writeStartObject();
            g.writeStringField("ruleId", f.ruleId());
            g.writeStringField("clause", f.clause());
            g.writeStringField("outcome", f.outcome().name());
            g.writeStringField("message", f.message());
            if (f.remedy() != null) {
                g.writeStringField("remedy", f.remedy());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("policy");
        g.writeStringField("edition", a.policy().edition());
        g.writeStringField("asOf", a.policy().asOf().toString());
        g.writeStringField("fingerprint", a.policy().fingerprint());
        g.writeEndObject();
        if (a.holding() != null) {
            g.writeObjectFieldStart("holding");
            g.writeStringField("action", a.holding().action().name());
            g.writeBooleanField("pastServiceLife", a.holding().pastServiceLife());
            if (a.holding().serviceLifeEnds() != null) {
                g.writeStringField("serviceLifeEnds", a.holding().serviceLifeEnds().toString());
            } else {
                g.writeNullField("serviceLifeEnds");
            }
            g.writeEndObject();
        }
    }

    /** Indented JSON array of several assessments, in the order given. */
    public static String write(List<Assessment> all) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(PRETTY.createInstance());
            g.writeStartArray();
            for (Assessment a : all) {
                g.writeStartObject();
                writeFields(g, a);
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing assessments failed", e);
        }
        return out.toString();
    }

    /** A mapper with plain settings, for callers that want one (made on first use, not at start-up). */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Makes JSON trees (objects, arrays) without a mapper. */
    public static JsonNodeFactory nodes() {
        return NODES;
    }

    private static String write(JsonNode node, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(PRETTY.createInstance());
            }
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JSON tree failed", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : n) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                if (n.isInt()) {
                    g.writeNumber(n.intValue());
                } else if (n.isLong()) {
                    g.writeNumber(n.longValue());
                } else if (n.isBigInteger()) {
                    g.writeNumber(n.bigIntegerValue());
                } else if (n.isBigDecimal()) {
                    g.writeNumber(n.decimalValue());
                } else if (n.isFloat()) {
                    g.writeNumber(n.floatValue());
                } else if (n.isShort()) {
                    g.writeNumber(n.shortValue());
                } else {
                    g.writeNumber(n.doubleValue());
                }
            }
            default -> throw new IllegalArgumentException("cannot write a JSON node of type " + n.getNodeType());
        }
    }
}
