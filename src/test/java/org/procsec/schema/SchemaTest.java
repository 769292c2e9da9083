package org.procsec.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.procsec.model.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;
import org.procsec.internal.scan.PortfolioGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas in docs/schemas say what the parser and the engine do (issue 13.7): every
 * example request and scenario validates, every assessment the engine writes validates, and the
 * parser and the request schema agree on a set of invalid requests. The parser stays the
 * reference: where the schema cannot say a rule (normalised names, real calendar dates), the
 * schema accepts and the parser refuses, never the other way round.
 */
class SchemaTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCHEMAS = Path.of("docs/schemas");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://procsec.org/schemas/", SCHEMAS.toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    static final JsonSchema REQUEST = schema("request");
    static final JsonSchema ASSESSMENT = schema("assessment");
    static final JsonSchema SCENARIO = schema("scenario");

    static JsonSchema schema(String name) {
        return FACTORY.getSchema(SchemaLocation.of("https://procsec.org/schemas/" + name + ".schema.json"), CONFIG);
    }

    static Set<ValidationMessage> problems(JsonSchema schema, String json) throws IOException {
        return schema.validate(JSON.readTree(json));
    }

    static Stream<Path> exampleRequests() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    static Stream<Path> scenarioFiles() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : List.of(Path.of("src/test/resources/scenarios"), Path.of("examples"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".json") && p.toString().contains("scenarios"))
                        .filter(p -> !p.toString().contains("/rules-")).sorted().forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThan(20);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("exampleRequests")
    void exampleRequest_validates_andItsAssessmentToo(Path file) throws Exception {
        String text = Files.readString(file);
        assertThat(problems(REQUEST, text)).isEmpty();
        Assessment a = PolicyEngine.builder().build().assess(RequestJson.parse(text), LocalDate.parse("2026-11-22"));
        assertThat(ASSESSMENT.validate(org.procsec.internal.json.AssessmentNodes.toNode(a))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void scenarioFile_validates(Path file) throws Exception {
        assertThat(problems(SCENARIO, Files.readString(file))).as(file.toString()).isEmpty();
    }

    @Test
    void generatedPortfolio_validates_requestsAndAssessments() throws Exception {
        PolicyEngine engine = PolicyEngine.builder().build();
        PortfolioGenerator generator = new PortfolioGenerator(7, 0);
        for (int i = 0; i < 300; i++) {
            String line = generator.next(i);
            assertThat(problems(REQUEST, line)).as(line).isEmpty();
            Assessment a = engine.assess(RequestJson.parse(line));
            assertThat(ASSESSMENT.validate(org.procsec.internal.json.AssessmentNodes.toNode(a))).as(line).isEmpty();
        }
    }

    /** Each is refused by the parser and by the schema. */
    static Stream<String> invalidRequests() throws IOException {
        String valid = Files.readString(Path.of("examples/cbsa-hytera-radios.json"));
        JsonNode base = JSON.readTree(valid);
        List<String> out = new ArrayList<>();
        out.add(edit(base, "/", "id", null));
        out.add(edit(base, "/", "id", ""));
        out.add(edit(base, "/", "department", 7));
        out.add(edit(base, "/", "instrument", "TENDER"));
        out.add(edit(base, "/", "awardDate", "2026/05/04"));
        out.add(edit(base, "/", "awardDate", null));
        out.add(edit(base, "/", "value", -1));
        out.add(edit(base, "/", "value", "100"));
        out.add(edit(base, "/", "value", null));
        out.add(edit(base, "/", "items", JSON.createArrayNode()));
        out.add(edit(base, "/", "sites", JSON.createArrayNode()));
        out.add(edit(base, "/", "sites", "OFFICE"));
        out.add(edit(base, "/supplier", "country", "China"));
        out.add(edit(base, "/supplier", "country", "ca"));
        out.add(edit(base, "/supplier", "country", "ZZ"));
        out.add(edit(base, "/supplier", "name", null));
        out.add(edit(base, "/supplier", "name", ""));
        out.add(edit(base, "/supplier", "name", "-"));
        out.add(edit(base, "/supplier", "name", "..."));
        out.add(edit(base, "/supplier", "role", "DISTRIBUTOR"));
        out.add(edit(base, "/supplier", "stateOwnershipPercent", 101));
        out.add(edit(base, "/supplier", "stateOwnershipPercent", -0.5));
        out.add(edit(base, "/supplier", "controllingState", "PRC"));
        out.add(edit(base, "/supplier/clearance", "level", "SECRET"));
        out.add(edit(base, "/items/0", "category", "XRAY"));
        out.add(edit(base, "/items/0", "category", null));
        out.add(edit(base, "/items/0", "quantity", 0));
        out.add(edit(base, "/items/0", "quantity", 2.5));
        out.add(edit(base, "/items/0", "capabilities", "WIRELESS"));
        out.add(edit(base, "/items/0", "connectivity", "WIFI"));
        out.add(edit(base, "/items/0/manufacturer", "role", "RESELLER"));
        out.add(edit(base, "/items/0/manufacturer", "country", "Canada"));
        out.add(edit(base, "/sites/0", "zone", "LOBBY"));
        out.add(edit(base, "/sites/0", "type", null));
        out.add(edit(base, "/sites/0", "count", 0));
        out.add(edit(base, "/", "dataRetentionDays", -3));
        out.add(edit(base, "/", "cseReview", "FAVOURABLE"));
        out.add("[]");
        out.add("\"a request\"");
        // A reseller's item without a manufacturer (POLICY 1.4: the maker must be stated).
        JsonNode reseller = JSON.readTree(edit(base, "/supplier", "role", "RESELLER"));
        out.add(edit(reseller, "/items/0", "manufacturer", null));
        return out.stream();
    }

    private static String edit(JsonNode base, String at, String key, Object value) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = at.equals("/") ? copy : copy.at(at);
        assertThat(parent.isObject()).as(at).isTrue();
        var obj = (com.fasterxml.jackson.databind.node.ObjectNode) parent;
        if (value == null) {
            obj.remove(key);
        } else {
            obj.set(key, JSON.valueToTree(value));
        }
        return copy.toString();
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void invalidRequest_refusedByParserAndSchema(String json) throws Exception {
        assertThat(problems(REQUEST, json)).as("schema").isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RequestJson.parse(json))
                .as("parser").isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void schemaIsNeverStricterThanTheParser_onBrokenGeneratedLines() throws Exception {
        PortfolioGenerator generator = new PortfolioGenerator(11, 1.0);
        int refusedBySchema = 0;
        for (int i = 0; i < 400; i++) {
            String line = generator.next(i);
            JsonNode tree;
            try {
                tree = JSON.readTree(line);
            } catch (IOException syntax) {
                continue;
            }
            if (!REQUEST.validate(tree).isEmpty()) {
                refusedBySchema++;
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> RequestJson.parse(line)).as(line)
                        .isInstanceOf(InvalidRequestException.class);
            } else {
                PurchaseRequest accepted = RequestJson.parse(line);
                assertThat(accepted).isNotNull();
            }
        }
        assertThat(refusedBySchema).isGreaterThan(100);
    }

    @Test
    void enumsInTheSchemas_areTheModelsEnums() throws Exception {
        JsonNode request = JSON.readTree(SCHEMAS.resolve("request.schema.json").toFile());
        JsonNode assessment = JSON.readTree(SCHEMAS.resolve("assessment.schema.json").toFile());
        assertThat(values(request.at("/properties/instrument/enum"))).isEqualTo(names(org.procsec.model.Instrument.class));
        assertThat(values(request.at("/$defs/item/properties/category/enum"))).isEqualTo(names(org.procsec.model.Category.class));
        assertThat(values(request.at("/$defs/item/properties/capabilities/anyOf/0/items/enum")))
                .isEqualTo(names(org.procsec.model.Capability.class));
        assertThat(values(request.at("/$defs/site/properties/zone/enum"))).isEqualTo(names(org.procsec.model.Zone.class));
        assertThat(values(request.at("/$defs/site/properties/type/enum"))).isEqualTo(names(org.procsec.model.SiteType.class));
        assertThat(values(request.at("/$defs/country/enum"))).isEqualTo(new TreeSet<>(Set.of(Locale.getISOCountries())));
        assertThat(values(assessment.at("/properties/decision/enum"))).isEqualTo(names(org.procsec.model.Decision.class));
        assertThat(values(assessment.at("/properties/sensitiveSectors/items/enum"))).isEqualTo(names(org.procsec.model.Sector.class));
        assertThat(values(assessment.at("/properties/conditions/items/enum"))).isEqualTo(names(org.procsec.model.ConditionType.class));
        assertThat(values(assessment.at("/properties/findings/items/properties/outcome/enum")))
                .isEqualTo(names(org.procsec.model.Outcome.class));
    }

    private static TreeSet<String> values(JsonNode array) {
        assertThat(array.isArray()).as("an enum in the schema").isTrue();
        TreeSet<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static <E extends Enum<E>> TreeSet<String> names(Class<E> type) {
        TreeSet<String> out = new TreeSet<>();
        for (E e : type.getEnumConstants()) {
            out.add(e.name());
        }
        return out;
    }

    @Test
    void scenarioSchema_refusesAScenarioThatAssertsNothing() throws Exception {
        String request = Files.readString(Path.of("examples/esdc-office-chairs.json"));
        assertThat(problems(SCENARIO, "{\"request\":" + request + ",\"expect\":{}}")).isNotEmpty();
        assertThat(problems(SCENARIO, "{\"request\":" + request + "}")).isNotEmpty();
        assertThat(problems(SCENARIO, "{\"request\":" + request + ",\"expectFindings\":[]}")).isNotEmpty();
        assertThat(problems(SCENARIO, "{\"request\":" + request + ",\"expect\":{\"decision\":\"APPROVE\"}}")).isEmpty();
        assertThat(problems(SCENARIO, "{\"request\":" + request + ",\"expectFindings\":[\"SEC-2.1-border-detection\"]}"))
                .isEmpty();
        assertThat(problems(SCENARIO, "{\"request\":{\"id\":1},\"expectError\":\"id\"}")).isEmpty();
        assertThat(problems(SCENARIO, "{\"request\":{\"id\":1},\"expect\":{\"decision\":\"REJECT\"}}")).isNotEmpty();
    }

    @Test
    void assessmentSchema_refusesAnApproveWithConditions() throws Exception {
        Assessment a = PolicyEngine.builder().build().assess(
                RequestJson.parse(Files.readString(Path.of("examples/esdc-office-chairs.json"))));
        var node = org.procsec.internal.json.AssessmentNodes.toNode(a);
        assertThat(ASSESSMENT.validate(node)).isEmpty();
        node.putArray("conditions").add("ESCORTED_ACCESS");
        assertThat(ASSESSMENT.validate(node)).isNotEmpty();
        node.put("decision", "MAYBE");
        assertThat(ASSESSMENT.validate(node)).isNotEmpty();
    }
}
