package org.procsec.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.procsec.model.InputProblem;
import org.procsec.model.InvalidRequestException;
import org.procsec.model.Capability;
import org.procsec.model.CseStatus;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of bad input gives the right JSON path and says what was expected. */
class RequestJsonTest {
    private static final String GOOD = read("examples/gac-cleared-supplier.json");

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<InputProblem> problems(String json) {
        try {
            RequestJson.parse(json);
        } catch (InvalidRequestException e) {
            return e.problems();
        }
        throw new AssertionError("expected an input error for " + json);
    }

    @Test
    void goodRequest_parsesEveryField() throws Exception {
        PurchaseRequest r = RequestJson.parse(GOOD);
        assertThat(r.id()).isEqualTo("GAC-2026-0042");
        assertThat(r.supplier().clearance().expires()).hasToString("2029-03-31");
        assertThat(r.items().get(0).capabilities()).containsExactlyInAnyOrder(Capability.IMAGE_CAPTURE,
                Capability.LOCAL_STORAGE);
        assertThat(r.sites().get(0).count()).isEqualTo(12);
        assertThat(r.dataRetentionDays()).isEqualTo(30);
        assertThat(r.cseReview()).isEqualTo(CseStatus.FAVOURABLE);
    }

    @Test
    void optionalFields_takeTheSpecDefaults() throws Exception {
        PurchaseRequest r = RequestJson.parse("""
                {"id":"X","department":"ESDC","instrument":"CONTRACT","awardDate":"2026-01-01","value":0,
                 "supplier":{"name":"A","country":"CA"},"items":[{"category":"OTHER"}],
                 "sites":[{"type":"OFFICE","zone":"PUBLIC"}]}""");
        assertThat(r.services()).isEqualTo(Services.NONE);
        assertThat(r.dataRetentionDays()).isNull();
        assertThat(r.cseReview()).isEqualTo(CseStatus.NOT_REQUESTED);
        assertThat(r.items().get(0).quantity()).isEqualTo(1);
        assertThat(r.sites().get(0).count()).isEqualTo(1);
        assertThat(r.supplier().stateOwnershipPercent()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"category\": \"XRAY_SCREENING\"|\"category\": \"XRAY\"|items[0].category|unknown value \"XRAY\" (expected one of XRAY_SCREENING, LARGE_SCALE_IMAGING",
        "\"category\": \"XRAY_SCREENING\"|\"category\": 7|items[0].category|expected a string",
        "\"awardDate\": \"2026-03-01\"|\"awardDate\": \"2026-02-30\"|awardDate|impossible date \"2026-02-30\"",
        "\"awardDate\": \"2026-03-01\"|\"awardDate\": \"01/03/2026\"|awardDate|expected a date YYYY-MM-DD",
        "\"value\": 1200000|\"value\": -1|value|expected a number 0..1000000000000000",
        "\"value\": 1200000|\"value\": \"lots\"|value|expected a number >= 0, got a string",
        "\"quantity\": 12|\"quantity\": 0|items[0].quantity|expected an integer >= 1",
        "\"quantity\": 12|\"quantity\": 1.5|items[0].quantity|expected an integer >= 1",
        "\"count\": 12|\"count\": 0|sites[0].count|expected an integer >= 1",
        "\"zone\": \"PUBLIC\"|\"zone\": \"LOBBY\"|sites[0].zone|unknown value \"LOBBY\"",
        "\"country\": \"CA\"|\"country\": \"Canada\"|supplier.country|unknown country \"Canada\"",
        "\"level\": \"FACILITY_SECRET\"|\"level\": \"SECRET\"|supplier.clearance.level|unknown value \"SECRET\"",
        "\"expires\": \"2029-03-31\"|\"expires\": \"2029-13-01\"|supplier.clearance.expires|impossible date",
        "\"onSiteMaintenance\": true|\"onSiteMaintenance\": \"yes\"|services.onSiteMaintenance|expected true or false",
        "\"access\": \"ESCORTED\"|\"access\": \"SOMETIMES\"|services.access|unknown value \"SOMETIMES\"",
        "\"visitsPerYear\": 2|\"visitsPerYear\": -2|services.visitsPerYear|expected an integer 0..100000",
        "\"dataRetentionDays\": 30|\"dataRetentionDays\": -1|dataRetentionDays|expected an integer >= 0",
        "\"status\": \"FAVOURABLE\"|\"status\": \"OK\"|cseReview.status|unknown value \"OK\"",
        "\"instrument\": \"CONTRACT\"|\"instrument\": \"LEASE\"|instrument|unknown value \"LEASE\"",
        "\"role\": \"MANUFACTURER\"|\"role\": \"BROKER\"|supplier.role|unknown value \"BROKER\"",
        "\"IMAGE_CAPTURE\",|\"SONAR\",|items[0].capabilities[0]|unknown value \"SONAR\"",
        "\"connectivity\": \"STANDALONE\"|\"connectivity\": \"WIFI\"|items[0].connectivity|unknown value \"WIFI\"",
        "\"id\": \"GAC-2026-0042\"|\"id\": \"\"|id|expected a non-empty string",
        "\"id\": \"GAC-2026-0042\",|\"id\": \"A\", \"id\": \"B\",|id|Duplicate field 'id'",
    })
    void badValue_isReportedAtItsPath(String from, String to, String path, String message) {
        assertThat(GOOD).contains(from);
        List<InputProblem> problems = problems(GOOD.replace(from, to));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }

    @Test
    void missingRequiredFields_areAllReported() {
        List<InputProblem> problems = problems("{}");
        assertThat(problems).extracting(InputProblem::path).containsExactly("id", "department", "instrument",
                "awardDate", "value", "supplier", "items", "sites");
        assertThat(problems.get(2).message()).contains("expected one of CONTRACT, STANDING_OFFER");
    }

    @Test
    void emptyItemsOrSites_areErrors() {
        assertThat(problems(GOOD.replaceFirst("\"items\": \\[", "\"items\": [], \"x\": ["))).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("items");
            assertThat(p.message()).contains("at least one");
        });
    }

    @Test
    void resellerItemWithoutManufacturer_isAnError() {
        String reseller = GOOD.replace("\"role\": \"MANUFACTURER\"", "\"role\": \"RESELLER\"");
        assertThat(problems(reseller)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("items[0].manufacturer");
            assertThat(p.message()).contains("required when supplier.role is RESELLER");
        });
    }

    @Test
    void manufacturerFields_areCheckedLikeTheSupplier() {
        String json = GOOD.replace("\"connectivity\": \"STANDALONE\"",
                "\"connectivity\": \"STANDALONE\", \"manufacturer\": {\"name\": \"M\", \"country\": \"XX\"}");
        assertThat(problems(json)).singleElement().satisfies(p ->
                assertThat(p.path()).isEqualTo("items[0].manufacturer.country"));
    }

    @Test
    void invalidJson_namesLineAndColumn() {
        assertThat(problems("{\n  \"id\": \"x\",\n  oops\n}")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("invalid JSON at line 3"));
        assertThat(problems("[]")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("expected a JSON object"));
    }

    @Test
    void unknownKeys_areIgnoredWithAWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        PurchaseRequest r = RequestJson.parse(GOOD.replace("\"quantity\": 12", "\"quantity\": 12, \"colour\": \"red\""),
                warnings);
        assertThat(r.items()).hasSize(1);
        assertThat(warnings).containsExactly("items[0].colour: unknown key ignored");
    }

    @Test
    void tooManyItems_isAnInputError_notAnOutOfMemory() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i <= RequestJson.MAX_ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"category\":\"OTHER\"}");
        }
        String json = GOOD.replaceFirst("\"items\": \\[", "\"items\": [" + items + "], \"ignored\": [");
        assertThat(problems(json)).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("items");
            assertThat(p.message()).contains("at most " + RequestJson.MAX_ITEMS);
        });
    }

    @Test
    void sharedBadCase_namesTheCategoryPath() {
        assertThatThrownBy(() -> RequestJson.parse(GOOD.replace("XRAY_SCREENING", "XRAY")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("items[0].category: unknown value \"XRAY\" (expected one of XRAY_SCREENING,");
    }

    private static final String RESELLER_TEMPLATE = """
            {"id":"%s","department":"%s","instrument":"CONTRACT","awardDate":"2026-01-01","value":0,
             "supplier":{"name":"%s","country":"CA","role":"RESELLER"},
             "items":[{"category":"OTHER","manufacturer":{"name":"%s","country":"CN"}}],
             "sites":[{"type":"OFFICE","zone":"PUBLIC"}]}""";

    private static String reseller(String id, String department, String supplier, String manufacturer) {
        return RESELLER_TEMPLATE.formatted(id, department, supplier, manufacturer);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-", "...", "\\u200b", " \\u00ad ", "\\ufeff.",
        "()", "\\u2060\\u2060"})
    void nameEmptyOnceNormalised_isAnInputError_1_5d(String name) {
        assertThat(problems(reseller("X", "ESDC", "Maple Resale", name)))
                .extracting(InputProblem::path).containsExactly("items[0].manufacturer.name");
        assertThat(problems(reseller("X", "ESDC", name, "Maple Optics")))
                .extracting(InputProblem::path).containsExactly("supplier.name");
        assertThat(problems(reseller("X", "ESDC", name, "Maple Optics")).get(0).message())
                .contains("empty once normalised");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {" ", "\\u200b", "\\u00a0\\u3000", "\\ufeff \\u2060",
        "\\t"})
    void idOrDepartmentEmptyOnceInvisibleCharactersAndSpacesAreRemoved_isAnInputError_1_5d(String text) {
        assertThat(problems(reseller(text, "ESDC", "Maple Resale", "Maple Optics")))
                .extracting(InputProblem::path).containsExactly("id");
        assertThat(problems(reseller("X", text, "Maple Resale", "Maple Optics")))
                .extracting(InputProblem::path).containsExactly("department");
    }

    @Test
    void namesWithALetterOrDigit_areAccepted_1_5d() throws Exception {
        PurchaseRequest r = RequestJson.parse(reseller("\\u200bX", "ESDC", "3M", "Ltd."));
        assertThat(r.supplier().name()).isEqualTo("3M");
        assertThat(r.items().get(0).manufacturer().name()).isEqualTo("Ltd."); // legal forms: the rule set decides
    }

    @Test
    void parse_loneSurrogates_asEscapesOrInTheString_areRefusedAtTheirPath() {
        String escaped = GOOD.replaceFirst("\"title\": \"", "\"title\": \"A\\\\ud800B");
        List<InputProblem> p = problems(escaped);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).path()).isEqualTo("title");
        assertThat(p.get(0).message()).contains("lone surrogate U+D800 at character 2 of a string");
        // a lone low half, as a raw char of a Java string
        assertThat(problems(GOOD.replaceFirst("\"title\": \"", "\"title\": \"\udc00")).get(0).message())
                .contains("lone surrogate U+DC00");
        // in a key
        assertThat(problems(GOOD.replaceFirst("\"title\"", "\"t\\\\ud800\"")).get(0).message())
                .contains("lone surrogate U+D800 at character 2 of a key");
        // a pair is one character and fine
        assertThat(parseOk(GOOD.replaceFirst("\"title\": \"", "\"title\": \"\\\\ud83d\\\\ude00")).title())
                .startsWith("\ud83d\ude00");
    }

    @Test
    void parseBytes_refusesInvalidUtf8_withPosition_andReadsValidBytes() throws Exception {
        byte[] good = GOOD.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(RequestJson.parse(good, new ArrayList<>()).id()).isEqualTo(RequestJson.parse(GOOD).id());
        byte[] bad = good.clone();
        int at = GOOD.indexOf("\"title\": \"") + 10;
        bad[at] = (byte) 0xC0;
        assertThatThrownBy(() -> RequestJson.parse(bad, new ArrayList<>())).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid UTF-8 at line ").hasMessageContaining("(byte offset " + at + ")");
    }

    private static PurchaseRequest parseOk(String json) {
        try {
            return RequestJson.parse(json);
        } catch (InvalidRequestException e) {
            throw new AssertionError(e.problems().toString());
        }
    }
    private static List<InputProblem> problems(byte[] json) {
        try {
            RequestJson.parse(json, new ArrayList<>());
        } catch (InvalidRequestException e) {
            return e.problems();
        }
        throw new AssertionError("expected an input error");
    }

    @Test
    void parseBytes_loneSurrogateEscapes_areRefused_thoughTheBytesAreValidUtf8() throws Exception {
        // Strict UTF-8 holds no lone surrogate, so from bytes only an escape can make one (JsonTree skips the
        // check when the text has no backslash-u): each of these must still be refused.
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        String escaped = GOOD.replaceFirst("\"title\": \"", "\"title\": \"A\\\\ud800B");
        assertThat(problems(escaped.getBytes(utf8))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("title");
            assertThat(p.message()).contains("lone surrogate U+D800 at character 2 of a string");
        });
        assertThat(problems(GOOD.replaceFirst("\"title\"", "\"t\\\\udc00\"").getBytes(utf8)).get(0).message())
                .contains("lone surrogate U+DC00 at character 2 of a key");
        // beside a real non-BMP character and a non-ASCII one, so the text is not ASCII either
        String mixed = GOOD.replaceFirst("\"title\": \"", "\"title\": \"\ud83d\ude00 é \\\\ud83d");
        assertThat(problems(mixed.getBytes(utf8)).get(0).message()).contains("lone surrogate U+D83D");
        // a raw pair and an escaped pair are one character each, and fine
        String pairs = GOOD.replaceFirst("\"title\": \"", "\"title\": \"\ud83d\ude00\\\\ud83d\\\\ude00");
        assertThat(RequestJson.parse(pairs.getBytes(utf8), new ArrayList<>()).title())
                .startsWith("\ud83d\ude00\ud83d\ude00");
    }

    @Test
    void problemsPastTheFirstItemsAndSites_carryTheirOwnIndex() {
        // RequestReader keeps the paths of the first items and sites made; these are past them.
        StringBuilder items = new StringBuilder();
        StringBuilder sites = new StringBuilder();
        for (int i = 0; i < 45; i++) {
            String category = i == 40 ? "XRAY" : "OTHER";
            String manufacturer = i == 33 || i == 2
                    ? ",\"manufacturer\":{\"name\":\"M\",\"country\":\"CA\",\"clearance\":{\"level\":\"HUGE\"}}" : "";
            items.append(i == 0 ? "" : ",").append("{\"category\":\"").append(category).append('"')
                    .append(manufacturer).append('}');
            sites.append(i == 0 ? "" : ",").append("{\"type\":\"OFFICE\",\"zone\":\"")
                    .append(i == 35 ? "LOBBY" : "PUBLIC").append("\"}");
        }
        String json = "{\"id\":\"X\",\"department\":\"ESDC\",\"instrument\":\"CONTRACT\",\"awardDate\":\"2026-01-01\","
                + "\"value\":0,\"supplier\":{\"name\":\"A\",\"country\":\"CA\",\"role\":\"RESELLER\"},"
                + "\"items\":[" + items + "],\"sites\":[" + sites + "]}";
        assertThat(problems(json)).extracting(InputProblem::path).contains("items[2].manufacturer.clearance.level",
                "items[33].manufacturer.clearance.level", "items[40].category", "sites[35].zone");
        assertThat(problems(json)).filteredOn(p -> p.path().equals("items[40].category"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("unknown value \"XRAY\""));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "{\"a\":1,\"a\":2}",
        "{\"a\":1,\n  \"b\":{\"c\":[1,{\"d\":1,\"e\":2,\"d\":3}]}}",
        "{\"x\":1,\"y\":2,\"z\":3,\"w\":4,\"x\":5}",
        "{\"q\\\"\\\\\\u00e9\":1,\n\n \"q\\\"\\\\\\u00e9\" : 2}",
    })
    void duplicateKeys_areReportedWithJacksonsOwnMessageAndLocation(String json) throws Exception {
        // JsonTree finds duplicates itself (not with STRICT_DUPLICATE_DETECTION): it must say what Jackson said, where.
        var jackson = com.fasterxml.jackson.core.JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        com.fasterxml.jackson.core.JsonParseException expected = null;
        try (var p = jackson.createParser(json)) {
            while (p.nextToken() != null) {
                // read through
            }
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            expected = e;
        }
        assertThat(expected).isNotNull();
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> org.procsec.internal.json.JsonTree.parse(json),
                org.procsec.internal.json.JsonTree.ParseError.class);
        assertThat(thrown.getOriginalMessage()).isEqualTo(expected.getOriginalMessage());
        assertThat(thrown.getLocation().getLineNr()).isEqualTo(expected.getLocation().getLineNr());
        assertThat(thrown.getLocation().getColumnNr()).isEqualTo(expected.getLocation().getColumnNr());
    }
}
