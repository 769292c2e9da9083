package org.procsec.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document read into a tree, with the line and column of every value by its path
 * ({@code entries[0].name}). Duplicate keys are rejected. Internal to procsec.
 *
 * <p>Limits (past them, a {@link ParseError}): nesting {@value #MAX_DEPTH} levels, strings
 * {@value #MAX_STRING_CHARS} characters, keys {@value #MAX_KEY_CHARS} characters, numbers
 * {@value #MAX_NUMBER_CHARS} characters; a number whose exponent overflows is refused too.
 *
 * @param root      the document
 * @param locations line and column (1-based) of each value, by path; the root is ""
 */
public record JsonTree(JsonNode root, Map<String, int[]> locations) {

    /** Nesting deeper than this is refused (a request nests 4 levels, reference data 3). */
    public static final int MAX_DEPTH = 32;
    /** Longest string value read. */
    public static final int MAX_STRING_CHARS = 1_000_000;
    /** Longest object key read. */
    public static final int MAX_KEY_CHARS = 1_000;
    /** Longest number read, in characters (digits, sign, point and exponent). */
    public static final int MAX_NUMBER_CHARS = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_KEY_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .build())
            .build();

    /**
     * A document that could not be read: a syntax error, a duplicate key or a limit passed, with its
     * location and the JSON path of the value (or object) being read when it happened.
     */
    public static final class ParseError extends JsonProcessingException {
        private static final long serialVersionUID = 1L;
        private final String path;

        ParseError(String message, JsonLocation location, String path, Throwable cause) {
            super(message, location, cause);
            this.path = path;
        }

        /** JSON path of the value or object being read, "" for the document itself. */
        public String path() {
            return path;
        }
    }

    /**
     * Reads {@code text}; a syntax error, duplicate key or passed limit is thrown as a {@link ParseError}
     * with its location and path.
     */
    public static JsonTree parse(String text) throws JsonProcessingException {
        return parse(text, Integer.MAX_VALUE);
    }

    /**
     * As {@link #parse(String)}, refusing a document of more than {@code maxValues} values (objects,
     * arrays and scalars each count one), which bounds the memory the tree takes.
     */
    public static JsonTree parse(String text, int maxValues) throws JsonProcessingException {
        return parse(text, maxValues, true);
    }

    /**
     * The root of {@code text}, read as {@link #parse(String, int)} reads it (the same checks, the same
     * errors) but without recording where each value is: for readers that report problems by JSON path
     * only, such as the request reader: about 15 % less time per request (JsonPathBenchmark, docs/performance.md).
     */
    public static JsonNode parseRoot(String text, int maxValues) throws JsonProcessingException {
        return parse(text, maxValues, false, false).root();
    }

    /**
     * As {@link #parseRoot(String, int)}, for text decoded from strict UTF-8 (which holds no lone
     * surrogate): only a backslash-u escape can then make one, so strings are checked for them only
     * when the text has such an escape.
     */
    public static JsonNode parseRootOfDecoded(String text, int maxValues) throws JsonProcessingException {
        return parse(text, maxValues, false, true).root();
    }

    private static JsonTree parse(String text, int maxValues, boolean locate) throws JsonProcessingException {
        return parse(text, maxValues, locate, false);
    }

    private static JsonTree parse(String text, int maxValues, boolean locate, boolean decoded)
            throws JsonProcessingException {
        JsonParser p;
        try {
            p = FACTORY.createParser(text);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
        try (p) {
            Map<String, int[]> locations = locate ? new HashMap<>() : null;
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "empty document");
            }
            boolean surrogates = !decoded || text.indexOf("\\u") >= 0;
            JsonNode root = read(p, text, "", locations, new int[] {maxValues, maxValues}, surrogates);
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected content after the document");
            }
            return new JsonTree(root, locations == null ? Map.of() : locations);
        } catch (JsonProcessingException e) {
            throw new ParseError(e.getOriginalMessage(), e.getLocation(), pathOf(p.getParsingContext()), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
    }

    /** The path ({@code items[0].name}) of the value the parser was reading. */
    private static String pathOf(JsonStreamContext context) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
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

    /**
     * Reads the value at the current token of {@code text}; {@code budget} is {values left, most values}; strings
     * and keys are checked for lone surrogates when {@code surrogates}.
     */
    private static JsonNode read(JsonParser p, String text, String path, Map<String, int[]> locations, int[] budget,
            boolean surrogates) throws IOException {
        if (--budget[0] < 0) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "too many values (expected at most "
                    + budget[1] + " objects, arrays, strings, numbers and literals in all)");
        }
        if (locations != null) {
            JsonLocation loc = p.currentTokenLocation();
            locations.put(path, new int[] {loc.getLineNr(), loc.getColumnNr()});
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (surrogates) {
                        checkSurrogates(p, name, "key");
                    }
                    // Checked here rather than by Jackson's STRICT_DUPLICATE_DETECTION, which keeps a
                    // second set of the keys of every object: the same message and location, less work.
                    if (o.has(name)) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "Duplicate field '" + name + "'",
                                afterKey(text, p.currentTokenLocation()));
                    }
                    p.nextToken();
                    o.set(name, read(p, text, locations == null ? null : path.isEmpty() ? name : path + "." + name,
                            locations, budget, surrogates));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, text, locations == null ? null : path + "[" + i + "]", locations, budget, surrogates));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return f.textNode(surrogates ? checkSurrogates(p, p.getText(), "string") : p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                try {
                    if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                        return f.numberNode(p.getDecimalValue());
                    }
                    return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
                } catch (IllegalArgumentException | ArithmeticException e) { // e.g. an exponent that overflows
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "number out of range: "
                            + abbreviate(p.getText()));
                }
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

    /**
     * Where Jackson's own duplicate check reports a duplicate key: just past the key's closing quote
     * (Jackson has read on to the value by the time the key is known here). A key is on one line.
     */
    private static JsonLocation afterKey(String text, JsonLocation key) {
        long start = key.getCharOffset();
        if (start < 0 || start >= text.length() || text.charAt((int) start) != '"') {
            return key;
        }
        int end = (int) start + 1;
        while (end < text.length() && text.charAt(end) != '"') {
            end += text.charAt(end) == '\\' ? 2 : 1;
        }
        return new JsonLocation(key.contentReference(), -1, end + 1, key.getLineNr(),
                key.getColumnNr() + (int) (end + 1 - start));
    }

    /**
     * {@code text}, unless it holds a lone surrogate (an escape of a high surrogate without its low
     * half, or a low half alone): that is no character, and would be written out as "?".
     */
    private static String checkSurrogates(JsonParser p, String text, String what) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, String.format(java.util.Locale.ROOT,
                        "lone surrogate U+%04X at character %d of a %s (expected a Unicode character: a high"
                                + " surrogate U+D800-U+DBFF must be followed by a low surrogate U+DC00-U+DFFF)",
                        (int) c, i + 1, what),
                        p.currentTokenLocation());
            }
        }
        return text;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
