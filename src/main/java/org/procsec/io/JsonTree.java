package org.procsec.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document read into a tree, with the line and column of every value by its path
 * ({@code entries[0].name}). Duplicate keys are rejected with their path. Internal to procsec.
 *
 * @param root      the document
 * @param locations line and column (1-based) of each value, by path; the root is ""
 */
public record JsonTree(JsonNode root, Map<String, int[]> locations) {

    /** Nesting deeper than this is refused (a request nests 4 levels, reference data 3). */
    public static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(100)
                    .build())
            .build();

    /** Reads {@code text}; a syntax error is thrown as {@link JsonProcessingException} with its location. */
    public static JsonTree parse(String text) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(text)) {
            Map<String, int[]> locations = new HashMap<>();
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "empty document");
            }
            JsonNode root = read(p, "", locations);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the document");
            }
            return new JsonTree(root, locations);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
    }

    /** A key that appears twice in one object; {@link #path()} names it. */
    public static final class DuplicateKeyException extends com.fasterxml.jackson.core.JsonParseException {
        private static final long serialVersionUID = 1L;
        private final String path;

        DuplicateKeyException(JsonParser p, String path) {
            super(p, "duplicate key");
            this.path = path;
        }

        /** JSON path of the repeated key, e.g. {@code items[0].category}. */
        public String path() {
            return path;
        }
    }

    /** Line of the value at {@code path}, or of the nearest enclosing value; 1 when unknown. */
    public int line(String path) {
        return locate(path)[0];
    }

    /** Column of the value at {@code path}, or of the nearest enclosing value; 1 when unknown. */
    public int column(String path) {
        return locate(path)[1];
    }

    private int[] locate(String path) {
        String p = path;
        while (true) {
            int[] loc = locations.get(p);
            if (loc != null) {
                return loc;
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    private static JsonNode read(JsonParser p, String path, Map<String, int[]> locations) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        locations.put(path, new int[] {at.getLineNr(), at.getColumnNr()});
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    if (o.has(name)) {
                        throw new DuplicateKeyException(p, child);
                    }
                    p.nextToken();
                    o.set(name, read(p, child, locations));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, path + "[" + i + "]", locations));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + p.currentToken());
        }
    }
}
