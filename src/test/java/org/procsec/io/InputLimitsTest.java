package org.procsec.io;

import org.procsec.internal.json.JsonTree;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.procsec.TestEngines;
import org.procsec.model.InputProblem;
import org.procsec.model.InvalidRequestException;
import org.procsec.model.Assessment;
import org.procsec.model.Capability;
import org.procsec.model.Finding;
import org.procsec.model.PurchaseRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every input limit of the request reader (docs/security.md): just under it the request is read,
 * just over it an {@link InvalidRequestException} names the JSON path, without running out of
 * memory. Duplicate keys are refused.
 */
class InputLimitsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static String base;

    @BeforeAll
    static void read() throws Exception {
        base = Files.readString(Path.of("examples/esdc-office-chairs.json"));
    }

    private static ObjectNode tree() throws Exception {
        return (ObjectNode) MAPPER.readTree(base);
    }

    private static PurchaseRequest parse(Object json) throws InvalidRequestException {
        return RequestJson.parse(json instanceof String s ? s : json.toString());
    }

    /** The problems of an input that must be refused. */
    private static List<InputProblem> refused(Object json) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> parse(json));
        assertThat(e).as("an input error").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message().length()).isLessThan(500));
        return e.problems();
    }

    private static void assertRefusedAt(Object json, String path, String messagePart) {
        assertThat(refused(json)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(messagePart);
        });
    }

    @Test
    void document_atTheLimit_isRead_oneMoreCharacterIsRefused() throws Exception {
        String padded = base + " ".repeat(RequestJson.MAX_DOCUMENT_CHARS - base.length());
        assertThat(parse(padded).id()).isEqualTo("ESDC-2026-FURN-7");
        assertRefusedAt(padded + " ", "", "expected at most " + RequestJson.MAX_DOCUMENT_CHARS);
    }

    @Test
    void items_atTheLimit_areRead_oneMoreIsRefused() throws Exception {
        ObjectNode t = tree();
        ArrayNode items = (ArrayNode) t.get("items");
        while (items.size() < RequestJson.MAX_ITEMS) {
            items.add(items.get(0).deepCopy());
        }
        assertThat(parse(t).items()).hasSize(RequestJson.MAX_ITEMS);
        items.add(items.get(0).deepCopy());
        assertRefusedAt(t, "items", "101 entries (expected at most 100)");
    }

    @Test
    void sites_atTheLimit_areRead_oneMoreIsRefused() throws Exception {
        ObjectNode t = tree();
        ArrayNode sites = (ArrayNode) t.get("sites");
        while (sites.size() < RequestJson.MAX_SITES) {
            sites.add(sites.get(0).deepCopy());
        }
        assertThat(parse(t).sites()).hasSize(RequestJson.MAX_SITES);
        sites.add(sites.get(0).deepCopy());
        assertRefusedAt(t, "sites", "101 entries (expected at most 100)");
    }

    @Test
    void capabilities_atTheLimit_areRead_oneMoreIsRefused() throws Exception {
        ObjectNode t = tree();
        ArrayNode caps = ((ObjectNode) t.get("items").get(0)).putArray("capabilities");
        while (caps.size() < RequestJson.MAX_CAPABILITIES) {
            caps.add(Capability.values()[caps.size() % Capability.values().length].name());
        }
        assertThat(parse(t).items().get(0).capabilities()).hasSize(Capability.values().length);
        caps.add("WIRELESS");
        assertRefusedAt(t, "items[0].capabilities", "expected at most " + RequestJson.MAX_CAPABILITIES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "title", "supplier.name", "items[0].description", "department"})
    void strings_atTheLimit_areRead_oneMoreCharacterIsRefused(String path) throws Exception {
        ObjectNode t = tree();
        set(t, path, "x".repeat(RequestJson.MAX_STRING));
        parse(t);
        set(t, path, "x".repeat(RequestJson.MAX_STRING + 1));
        assertRefusedAt(t, path, "string of 2001 characters (expected at most 2000)");
    }

    @Test
    void stringValue_pastTheReadersLimit_isRefusedAtItsPath() throws Exception {
        ObjectNode t = tree();
        t.put("notes", "x".repeat(JsonTree.MAX_STRING_CHARS)); // an unknown key: ignored, but read
        assertThat(parse(t).id()).isEqualTo("ESDC-2026-FURN-7");
        t.put("notes", "x".repeat(JsonTree.MAX_STRING_CHARS + 1));
        assertRefusedAt(t, "notes", "String value length");
    }

    @Test
    void nesting_atTheLimit_isRead_oneLevelDeeperIsRefused() throws Exception {
        // The request object is level 1; "extra" holds 31 more levels: 32 in all.
        assertThat(parse(withNesting(JsonTree.MAX_DEPTH - 1)).id()).isEqualTo("ESDC-2026-FURN-7");
        List<InputProblem> problems = refused(withNesting(JsonTree.MAX_DEPTH));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).startsWith("extra[0][0]");
            assertThat(p.message()).contains("nesting depth (33) exceeds the maximum allowed (32");
        });
    }

    @Test
    @Timeout(10)
    void nesting_absurdlyDeep_isRefusedQuickly() {
        String deep = "{\"extra\": " + "[".repeat(500_000) + "]".repeat(500_000) + "}";
        assertThat(deep.length()).isLessThan(RequestJson.MAX_DOCUMENT_CHARS);
        assertThat(refused(deep)).singleElement().satisfies(p -> assertThat(p.message()).contains("nesting depth"));
    }

    private static String withNesting(int arrays) {
        return base.replaceFirst("\\{", "{\"extra\": " + "[".repeat(arrays) + "]".repeat(arrays) + ",");
    }

    @Test
    void values_atTheLimit_areRead_oneMoreIsRefused() throws Exception {
        int own = count(tree());
        ObjectNode t = tree();
        ArrayNode extra = t.putArray("extra"); // an unknown key: ignored, but read
        while (own + 1 + extra.size() < RequestJson.MAX_VALUES) {
            extra.add(0);
        }
        assertThat(parse(t).id()).isEqualTo("ESDC-2026-FURN-7");
        extra.add(0);
        assertRefusedAt(t, "extra[" + (extra.size() - 1) + "]", "too many values (expected at most 20000");
    }

    @Test
    @Timeout(10)
    void values_aMegabyteOfTinyValues_isRefusedEarly() {
        String zeros = "0,".repeat((RequestJson.MAX_DOCUMENT_CHARS - base.length()) / 2 - 10);
        String json = base.replaceFirst("\\{", "{\"extra\": [" + zeros + "0],");
        assertThat(json.length()).isLessThanOrEqualTo(RequestJson.MAX_DOCUMENT_CHARS);
        assertThat(refused(json)).singleElement().satisfies(p -> assertThat(p.message()).contains("too many values"));
    }

    private static int count(com.fasterxml.jackson.databind.JsonNode n) {
        int c = 1;
        for (com.fasterxml.jackson.databind.JsonNode child : n) {
            c += count(child);
        }
        return c;
    }

    @Test
    void numbers_atTheLengthLimit_areRead_longerAreRefused() throws Exception {
        String digits = "1".repeat(JsonTree.MAX_NUMBER_CHARS);
        assertThat(parse(base.replaceFirst("\\{", "{\"extra\": " + digits + ",")).id()).isNotNull();
        assertRefusedAt(base.replaceFirst("\\{", "{\"extra\": " + digits + "1,"), "extra", "Number value length");
    }

    @Test
    void keys_atTheLengthLimit_areRead_longerAreRefused() throws Exception {
        String key = "k".repeat(JsonTree.MAX_KEY_CHARS);
        List<String> warnings = new ArrayList<>();
        RequestJson.parse(base.replaceFirst("\\{", "{\"" + key + "\": 1,"), warnings);
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.length()).isLessThan(100));
        assertThat(refused(base.replaceFirst("\\{", "{\"" + key + "k\": 1,")))
                .anySatisfy(p -> assertThat(p.message()).contains("Name length"));
    }

    @Test
    void value_atTheLimit_isRead_aboveItOrTooPreciseIsRefused() throws Exception {
        ObjectNode t = tree();
        t.put("value", RequestJson.MAX_VALUE);
        assertThat(parse(t).value()).isEqualByComparingTo(RequestJson.MAX_VALUE);
        t.put("value", new java.math.BigDecimal("0.000001"));
        parse(t);
        t.put("value", RequestJson.MAX_VALUE.add(new java.math.BigDecimal("0.000001")));
        assertRefusedAt(t, "value", "expected a number 0..1000000000000000 with at most 6 decimal places");
        t.put("value", new java.math.BigDecimal("0.0000001"));
        assertRefusedAt(t, "value", "at most 6 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "1e9999999999", "-1E+2147483647"})
    @Timeout(10)
    void value_absurdExponents_areRefusedWithoutRunningOutOfMemory(String number) {
        assertRefusedAt(base.replace("48000", number), "value", "");
    }

    @Test
    void integers_pastInt_areRefused() throws Exception {
        ObjectNode t = tree();
        ((ObjectNode) t.get("items").get(0)).put("quantity", Integer.MAX_VALUE);
        assertThat(parse(t).items().get(0).quantity()).isEqualTo(Integer.MAX_VALUE);
        ((ObjectNode) t.get("items").get(0)).put("quantity", Integer.MAX_VALUE + 1L);
        assertRefusedAt(t, "items[0].quantity", "expected an integer >= 1, got 2147483648");
        t.put("dataRetentionDays", new java.math.BigInteger("9".repeat(90)));
        assertRefusedAt(t, "dataRetentionDays", "expected an integer >= 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"id\": \"x\", \"id\"", "\"name\": \"x\", \"name\"",
            "\"category\": \"OTHER\", \"category\"",
            "\"zone\": \"PUBLIC\", \"zone\"", "\"status\": \"REQUESTED\", \"status\""})
    void duplicateKeys_areRefused_atTheirPath(String duplicated) {
        String key = duplicated.substring(1, duplicated.indexOf('"', 1));
        String json = base.replaceFirst("\"" + key + "\"", duplicated);
        assertThat(json).isNotEqualTo(base);
        String path = switch (key) {
            case "name" -> "supplier.name";
            case "category" -> "items[0].category";
            case "zone" -> "sites[0].zone";
            case "status" -> "cseReview.status";
            default -> key;
        };
        assertRefusedAt(json, path, "Duplicate field '" + key + "'");
    }

    @Test
    void unknownKeys_warnAtMostTwentyTimes_thenCount() throws Exception {
        ObjectNode t = tree();
        for (int k = 0; k < 25; k++) {
            t.put("unknown" + k, k);
        }
        List<String> warnings = new ArrayList<>();
        RequestJson.parse(t.toString(), warnings);
        assertThat(warnings).hasSize(RequestJson.MAX_WARNINGS + 1).endsWith("5 more unknown keys ignored");
        assertThat(warnings.get(0)).isEqualTo("unknown0: unknown key ignored");
    }

    @Test
    @Timeout(60)
    void largestRequestTheLimitsAllow_isAssessedWithinTheDefaultLimits() throws Exception {
        ObjectNode t = tree();
        t.put("department", "CBSA");
        ArrayNode items = t.putArray("items");
        String[] categories = {"XRAY_SCREENING", "RADIO", "VIDEO_SURVEILLANCE", "TRACE_DETECTION"};
        for (int i = 0; i < RequestJson.MAX_ITEMS; i++) {
            ObjectNode item = items.addObject().put("category", categories[i % 4]);
            ObjectNode maker = item.putObject("manufacturer").put("name", "Maker " + i)
                    .put("country", i % 2 == 0 ? "GB" : "US");
            maker.putObject("clearance").put("level", "FACILITY_TOP_SECRET");
            ArrayNode caps = item.putArray("capabilities");
            for (Capability c : Capability.values()) {
                if (c != Capability.REMOTE_ACCESS) {
                    caps.add(c.name());
                }
            }
        }
        ArrayNode sites = t.putArray("sites");
        String[] types = {"FOREIGN_MISSION", "PORT_OF_ENTRY", "CUSTOMS_WAREHOUSE", "AIR_CARGO_CENTRE", "AIRPORT",
                "OFFICE", "DATA_CENTRE", "OTHER"};
        String[] zones = {"PUBLIC", "RECEPTION", "OPERATIONS", "SECURITY", "HIGH_SECURITY"};
        for (int s = 0; s < RequestJson.MAX_SITES; s++) {
            sites.addObject().put("type", types[s % types.length]).put("zone", zones[s % zones.length])
                    .put("count", s + 1);
        }
        ObjectNode supplier = (ObjectNode) t.get("supplier");
        supplier.put("role", "RESELLER").put("country", "GB");
        ((ObjectNode) supplier.get("clearance")).put("level", "FACILITY_TOP_SECRET");
        t.putObject("services").put("onSiteMaintenance", true).put("access", "UNESCORTED")
                .put("performedBy", "MANUFACTURER");
        t.put("dataRetentionDays", 30);
        ((ObjectNode) t.get("cseReview")).put("status", "FAVOURABLE");

        Assessment a = TestEngines.bundled().assess(parse(t));
        assertThat(a.findings()).extracting(Finding::ruleId).noneMatch(id -> id.startsWith("DEC-1.3-"));
        assertThat(a.findings().size()).as("findings").isGreaterThan(1_000);
    }

    /** Sets the string at a simple path ({@code a.b} or {@code a[0].b}). */
    private static void set(ObjectNode root, String path, String value) {
        ObjectNode n = root;
        String[] parts = path.split("\\.");
        for (int k = 0; k < parts.length - 1; k++) {
            String p = parts[k];
            n = p.endsWith("[0]") ? (ObjectNode) n.get(p.substring(0, p.length() - 3)).get(0) : (ObjectNode) n.get(p);
        }
        n.put(parts[parts.length - 1], value);
    }
}
