package org.procsec.pbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.procsec.internal.json.JsonTree;
import org.procsec.io.RequestJson;
import org.procsec.model.Capability;
import org.procsec.model.SupplierRole;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Generators of broken requests: a valid generated request with one field mutated (removed, set to
 * null, given a wrong type, an unknown enum value, an out-of-range or absurd value, an absurd size),
 * a duplicated key, or its text damaged. Each knows whether it is certainly invalid and, when it
 * is, the JSON path the input error must name.
 */
final class BrokenRequests {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** What the request format allows at a path (indexes written as {@code []}). */
    enum Field {
        REQUIRED_STRING, OPTIONAL_STRING, REQUIRED_ENUM, OPTIONAL_ENUM, REQUIRED_DATE, OPTIONAL_DATE,
        REQUIRED_COUNTRY, OPTIONAL_COUNTRY, VALUE, PERCENT, QUANTITY, COUNT, VISITS, RETENTION, BOOL,
        REQUIRED_OBJECT, OPTIONAL_OBJECT, REQUIRED_ARRAY, OPTIONAL_ARRAY, ELEMENT_OBJECT, ELEMENT_ENUM;

        boolean required() {
            return name().startsWith("REQUIRED") || this == VALUE || this == ELEMENT_OBJECT || this == ELEMENT_ENUM;
        }

        boolean textual() {
            return name().endsWith("STRING") || name().endsWith("ENUM") || name().endsWith("DATE")
                    || name().endsWith("COUNTRY");
        }

        boolean numeric() {
            return this == VALUE || this == PERCENT || this == QUANTITY || this == COUNT || this == VISITS
                    || this == RETENTION;
        }
    }

    private static final Map<String, Field> SCHEMA = schema();

    private static Map<String, Field> schema() {
        Map<String, Field> m = new java.util.HashMap<>();
        m.put("id", Field.REQUIRED_STRING);
        m.put("department", Field.REQUIRED_STRING);
        m.put("title", Field.OPTIONAL_STRING);
        m.put("instrument", Field.REQUIRED_ENUM);
        m.put("awardDate", Field.REQUIRED_DATE);
        m.put("value", Field.VALUE);
        m.put("supplier", Field.REQUIRED_OBJECT);
        organisation(m, "supplier", true);
        m.put("items", Field.REQUIRED_ARRAY);
        m.put("items[]", Field.ELEMENT_OBJECT);
        m.put("items[].description", Field.OPTIONAL_STRING);
        m.put("items[].category", Field.REQUIRED_ENUM);
        m.put("items[].quantity", Field.QUANTITY);
        m.put("items[].manufacturer", Field.OPTIONAL_OBJECT);
        organisation(m, "items[].manufacturer", false);
        m.put("items[].capabilities", Field.OPTIONAL_ARRAY);
        m.put("items[].capabilities[]", Field.ELEMENT_ENUM);
        m.put("items[].connectivity", Field.OPTIONAL_ENUM);
        m.put("sites", Field.REQUIRED_ARRAY);
        m.put("sites[]", Field.ELEMENT_OBJECT);
        m.put("sites[].type", Field.REQUIRED_ENUM);
        m.put("sites[].zone", Field.REQUIRED_ENUM);
        m.put("sites[].count", Field.COUNT);
        m.put("services", Field.OPTIONAL_OBJECT);
        m.put("services.onSiteMaintenance", Field.BOOL);
        m.put("services.visitsPerYear", Field.VISITS);
        m.put("services.access", Field.OPTIONAL_ENUM);
        m.put("services.remoteAccess", Field.BOOL);
        m.put("services.performedBy", Field.OPTIONAL_ENUM);
        m.put("dataRetentionDays", Field.RETENTION);
        m.put("cseReview", Field.OPTIONAL_OBJECT);
        m.put("cseReview.status", Field.OPTIONAL_ENUM);
        return Map.copyOf(m);
    }

    private static void organisation(Map<String, Field> m, String p, boolean supplier) {
        m.put(p + ".name", Field.REQUIRED_STRING);
        m.put(p + ".country", Field.REQUIRED_COUNTRY);
        if (supplier) {
            m.put(p + ".role", Field.OPTIONAL_ENUM);
        }
        m.put(p + ".stateOwnershipPercent", Field.PERCENT);
        m.put(p + ".controllingState", Field.OPTIONAL_COUNTRY);
        m.put(p + ".clearance", Field.OPTIONAL_OBJECT);
        m.put(p + ".clearance.level", Field.OPTIONAL_ENUM);
        m.put(p + ".clearance.expires", Field.OPTIONAL_DATE);
    }

    /** Kinds of damage. */
    enum Mutation {
        REMOVE, NULL, WRONG_TYPE, BAD_VALUE, OUT_OF_RANGE, LONG_STRING, HUGE_NUMBER, TOO_MANY, DEEP_NESTING,
        DUPLICATE_KEY, UNKNOWN_KEY, TRUNCATE, FLIP_CHARACTER, OVERSIZED_DOCUMENT
    }

    /**
     * A broken input.
     *
     * @param mutation     what was done
     * @param path         where (JSON path as the parser reports it; "" for the document)
     * @param invalid      true when the input is certainly invalid
     * @param expectedPath the path an input error must name, or null when any path will do
     * @param text         the request text
     */
    record Broken(Mutation mutation, String path, boolean invalid, String expectedPath, String text) {
        @Override
        public String toString() {
            String shown = text.length() <= 4000 ? text : text.substring(0, 4000) + "... (" + text.length() + " chars)";
            return mutation + " at \"" + path + "\" (" + (invalid ? "invalid, error must name \"" + expectedPath
                    + "\"" : "may be valid") + "):\n" + shown + "\n";
        }
    }

    private BrokenRequests() {
    }

    /** Broken requests of every kind. */
    static Arbitrary<Broken> broken() {
        return Combinators.combine(RequestArbitraries.requestRecords(), Arbitraries.of(Mutation.class),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(true, false))
                .as((request, mutation, where, variant, compact) -> {
                    ObjectNode tree = RequestText.toNode(request, RequestText.Style.PLAIN);
                    boolean reseller = request.supplier().role() != SupplierRole.MANUFACTURER;
                    return mutate(tree, reseller, mutation, where, variant, compact);
                });
    }

    /** Broken requests that are certainly invalid. */
    static Arbitrary<Broken> invalid() {
        return broken().filter(Broken::invalid);
    }

    /** A slot in the tree: the container and the key or index of a value. */
    private record Slot(String path, Field field, JsonNode parent, String key, int index) {
        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode v) {
            if (key != null) {
                ((ObjectNode) parent).set(key, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void remove() {
            if (key != null) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Slot> slots(JsonNode node, String path, String pattern) {
        List<Slot> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String pat = pattern.isEmpty() ? e.getKey() : pattern + "." + e.getKey();
                Field f = SCHEMA.get(pat);
                if (f != null) {
                    out.add(new Slot(p, f, node, e.getKey(), -1));
                }
                out.addAll(slots(e.getValue(), p, pat));
            }
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                String p = path + "[" + k + "]";
                Field f = SCHEMA.get(pattern + "[]");
                if (f != null) {
                    out.add(new Slot(p, f, node, null, k));
                }
                out.addAll(slots(node.get(k), p, pattern + "[]"));
            }
        }
        return out;
    }

    private static List<String> objectPaths(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            out.add(path);
            node.fields().forEachRemaining(e ->
                    out.addAll(objectPaths(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey())));
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                out.addAll(objectPaths(node.get(k), path + "[" + k + "]"));
            }
        }
        return out;
    }

    static Broken mutate(ObjectNode tree, boolean reseller, Mutation mutation, int where, int variant,
                         boolean compact) {
        List<Slot> all = slots(tree, "", "");
        switch (mutation) {
            case REMOVE, NULL: {
                Slot s = all.get(where % all.size());
                boolean required = s.field().required()
                        || reseller && s.path().matches("items\\[\\d+]\\.manufacturer");
                // Removing an array element shifts the others: only whole values count as required then.
                if (s.key() == null) {
                    boolean last = s.parent().size() == 1;
                    if (mutation == Mutation.REMOVE) {
                        s.remove();
                        String arrayPath = s.path().substring(0, s.path().lastIndexOf('['));
                        return text(mutation, s.path(), last && s.field() == Field.ELEMENT_OBJECT,
                                arrayPath, tree, compact);
                    }
                    s.set(F.nullNode());
                    return text(mutation, s.path(), true, s.path(), tree, compact);
                }
                if (mutation == Mutation.REMOVE) {
                    s.remove();
                } else {
                    s.set(F.nullNode());
                }
                return text(mutation, s.path(), required, s.path(), tree, compact);
            }
            case WRONG_TYPE: {
                Slot s = all.get(where % all.size());
                s.set(wrongType(s.field(), variant));
                return text(mutation, s.path(), true, s.path(), tree, compact);
            }
            case BAD_VALUE: {
                List<Slot> textual = all.stream().filter(s -> s.field().textual()).toList();
                Slot s = textual.get(where % textual.size());
                String bad = badValue(s.field(), s.value().asText(), variant);
                if (bad == null) {
                    return text(mutation, s.path(), false, null, tree, compact);
                }
                s.set(F.textNode(bad));
                return text(mutation, s.path(), true, s.path(), tree, compact);
            }
            case OUT_OF_RANGE: {
                List<Slot> numeric = all.stream().filter(s -> s.field().numeric()).toList();
                Slot s = numeric.get(where % numeric.size());
                s.set(outOfRange(s.field(), variant));
                return text(mutation, s.path(), true, s.path(), tree, compact);
            }
            case LONG_STRING: {
                List<Slot> textual = all.stream().filter(s -> s.field().textual()).toList();
                Slot s = textual.get(where % textual.size());
                int length = RequestJson.MAX_STRING + 1 + variant % 3000;
                s.set(F.textNode("x".repeat(length)));
                return text(mutation, s.path(), true, s.path(), tree, compact);
            }
            case HUGE_NUMBER: {
                List<Slot> numeric = all.stream().filter(s -> s.field().numeric()).toList();
                Slot s = numeric.get(where % numeric.size());
                s.set(F.textNode(RAW));
                String t = RequestText.write(tree, compact, null).replace("\"" + RAW + "\"", hugeNumber(variant));
                // A tiny positive share (1e-999999999) is a valid stateOwnershipPercent: 0 for all purposes.
                boolean invalid = !(s.field() == Field.PERCENT && variant % 8 == 6);
                return new Broken(mutation, s.path(), invalid, invalid ? s.path() : null, t);
            }
            case TOO_MANY: {
                List<Slot> arrays = all.stream().filter(s -> s.field() == Field.REQUIRED_ARRAY
                        || s.field() == Field.OPTIONAL_ARRAY).toList();
                Slot s = arrays.get(where % arrays.size());
                ArrayNode a = (ArrayNode) s.value();
                boolean caps = s.path().endsWith("capabilities");
                int max = caps ? 4 * Capability.values().length
                        : s.path().equals("items") ? RequestJson.MAX_ITEMS : RequestJson.MAX_SITES;
                int target = max + 1 + variant % 50;
                JsonNode model = a.isEmpty() ? F.textNode("WIRELESS") : a.get(0);
                while (a.size() < target) {
                    a.add(model.deepCopy());
                }
                return text(mutation, s.path(), true, s.path(), tree, compact);
            }
            case DEEP_NESTING: {
                List<String> objects = objectPaths(tree, "");
                String path = objects.get(where % objects.size());
                int depth = JsonTree.MAX_DEPTH + 1 + variant % 200;
                JsonNode nested = F.numberNode(1);
                for (int k = 0; k < depth; k++) {
                    nested = k % 2 == 0 ? F.arrayNode().add(nested) : F.objectNode().set("n", nested);
                }
                ((ObjectNode) at(tree, path)).set("extra", nested);
                return text(mutation, path, true, null, tree, compact);
            }
            case DUPLICATE_KEY: {
                List<String> objects = objectPaths(tree, "").stream().filter(p -> at(tree, p).size() > 0).toList();
                String path = objects.get(where % objects.size());
                String key = at(tree, path).fieldNames().next();
                return new Broken(mutation, path, true, path.isEmpty() ? key : path + "." + key,
                        RequestText.write(tree, compact, path));
            }
            case UNKNOWN_KEY: {
                List<String> objects = objectPaths(tree, "");
                String path = objects.get(where % objects.size());
                ((ObjectNode) at(tree, path)).set("unknownKey" + variant % 7,
                        wrongType(Field.OPTIONAL_OBJECT, variant));
                return text(mutation, path, false, null, tree, compact);
            }
            case TRUNCATE: {
                String t = RequestText.write(tree, compact, null);
                int cut = variant % t.length(); // a proper prefix of an object is never a document
                return new Broken(mutation, "", true, null, t.substring(0, cut));
            }
            case FLIP_CHARACTER: {
                String t = RequestText.write(tree, compact, null);
                int at = where % t.length();
                String junk = "{}[]:,\"\\ x0-.e\u0000\u00e9\ud800";
                char c = junk.charAt(variant % junk.length());
                String flipped = variant % 3 == 0 ? t.substring(0, at) + c + t.substring(at)
                        : variant % 3 == 1 ? t.substring(0, at) + c + t.substring(at + 1)
                        : t.substring(0, at) + t.substring(at + 1);
                return new Broken(mutation, "", false, null, flipped);
            }
            case OVERSIZED_DOCUMENT: {
                String t = RequestText.write(tree, compact, null);
                int pad = RequestJson.MAX_DOCUMENT_CHARS - t.length() + 1 + variant % 1000;
                return new Broken(mutation, "", true, "", t + " ".repeat(pad));
            }
            default:
                throw new IllegalStateException(mutation.toString());
        }
    }

    private static Broken text(Mutation m, String path, boolean invalid, String expectedPath, JsonNode tree,
                               boolean compact) {
        return new Broken(m, path, invalid, invalid ? expectedPath : null, RequestText.write(tree, compact, null));
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        if (path.isEmpty()) {
            return n;
        }
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            n = n.get(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                n = n.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return n;
    }

    /** A value of a JSON type the field does not accept. */
    private static JsonNode wrongType(Field f, int variant) {
        List<JsonNode> options = new ArrayList<>();
        if (!f.textual()) {
            options.add(F.textNode("12"));
        }
        if (!f.numeric()) {
            options.add(F.numberNode(42));
        }
        if (f == Field.QUANTITY || f == Field.COUNT || f == Field.VISITS || f == Field.RETENTION) {
            options.add(F.numberNode(new BigDecimal("2.5")));
        }
        if (f != Field.BOOL) {
            options.add(F.booleanNode(true));
        }
        if (f != Field.REQUIRED_ARRAY && f != Field.OPTIONAL_ARRAY) {
            options.add(F.arrayNode().add("CBSA"));
        }
        if (f != Field.REQUIRED_OBJECT && f != Field.OPTIONAL_OBJECT && f != Field.ELEMENT_OBJECT) {
            options.add(F.objectNode().put("level", "NONE"));
        }
        return options.get(variant % options.size());
    }

    /** A string the field does not accept, or null when the field takes any string. */
    private static String badValue(Field f, String current, int variant) {
        return switch (f) {
            case REQUIRED_STRING -> List.of("", "   ", "\t").get(variant % 3);
            case OPTIONAL_STRING -> null;
            case REQUIRED_ENUM, OPTIONAL_ENUM, ELEMENT_ENUM -> List.of("XRAY",
                    current.toLowerCase(java.util.Locale.ROOT),
                    "", " " + current, current + "_", "null").get(variant % 6);
            case REQUIRED_COUNTRY, OPTIONAL_COUNTRY -> List.of("XX", "ca", "CAN", "", "C A", "UK").get(variant % 6);
            case REQUIRED_DATE, OPTIONAL_DATE -> List.of("2021-02-30", "2021-1-05", "21-01-01", "2021/01/05", "",
                    "2021-13-01", "２０２１-01-01", "+2021-01-01", "2021-01-01T00:00").get(variant % 9);
            default -> throw new IllegalStateException(f.toString());
        };
    }

    private static JsonNode outOfRange(Field f, int variant) {
        return switch (f) {
            case VALUE -> List.<JsonNode>of(F.numberNode(-1), F.numberNode(new BigDecimal("-0.01")),
                    F.numberNode(Long.MIN_VALUE)).get(variant % 3);
            case PERCENT -> List.<JsonNode>of(F.numberNode(new BigDecimal("-0.5")),
                    F.numberNode(new BigDecimal("100.01")),
                    F.numberNode(101), F.numberNode(new BigDecimal("1E+400"))).get(variant % 4);
            case QUANTITY, COUNT -> List.<JsonNode>of(F.numberNode(0), F.numberNode(-3),
                    F.numberNode(2_147_483_648L), F.numberNode(Long.MIN_VALUE)).get(variant % 4);
            case VISITS -> List.<JsonNode>of(F.numberNode(-1), F.numberNode(100_001),
                    F.numberNode(2_147_483_648L)).get(variant % 3);
            case RETENTION -> List.<JsonNode>of(F.numberNode(-1), F.numberNode(2_147_483_648L),
                    F.numberNode(new BigInteger("9".repeat(40)))).get(variant % 3);
            default -> throw new IllegalStateException(f.toString());
        };
    }

    private static final String RAW = "@@raw-number@@";

    /** Numbers no request has any business sending: huge exponents, exponents that overflow, too many digits. */
    private static String hugeNumber(int variant) {
        return switch (variant % 8) {
            case 0 -> "1e9999999";
            case 1 -> "-1e999999999";
            case 2 -> "1e999999999";
            case 3 -> "1e9999999999";
            case 4 -> "1" + "0".repeat(150);
            case 5 -> "0." + "0".repeat(150) + "1";
            case 6 -> "1e-999999999";
            default -> "-" + "9".repeat(120);
        };
    }
}
