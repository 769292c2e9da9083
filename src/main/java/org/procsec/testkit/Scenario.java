package org.procsec.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.procsec.io.JsonTree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A scenario file (docs/FORMATS.md): a request, an optional as-of date, and either the expected
 * parts of the assessment ({@code expect}) or a JSON path the input error must mention
 * ({@code expectError}).
 *
 * @param file        where it was read from (relative to the scenario directory when loaded from one)
 * @param name        the scenario's name
 * @param asOf        the as-of date, or null for the award date
 * @param request     the request as JSON
 * @param expect      expected assessment fields, or null
 * @param expectError JSON path the input error must name, or null
 */
public record Scenario(String file, String name, LocalDate asOf, JsonNode request, JsonNode expect,
                       String expectError) {
    public Scenario {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        if ((expect == null) == (expectError == null)) {
            throw new IllegalArgumentException(file + ": a scenario has exactly one of expect and expectError");
        }
    }

    /** Reads one scenario file; a malformed file throws {@link IllegalArgumentException} naming the field. */
    public static Scenario read(Path file, String displayName) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = JsonTree.parse(text).root();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(displayName + ": invalid JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(displayName + ": expected a scenario object");
        }
        JsonNode request = root.get("request");
        if (request == null) {
            throw new IllegalArgumentException(displayName + ": request: missing");
        }
        LocalDate asOf = null;
        if (root.hasNonNull("asOf")) {
            try {
                asOf = LocalDate.parse(root.get("asOf").asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(displayName + ": asOf: expected a date YYYY-MM-DD, got "
                        + root.get("asOf"));
            }
        }
        JsonNode expect = root.get("expect");
        if (expect != null && !expect.isObject()) {
            throw new IllegalArgumentException(displayName + ": expect: expected an object");
        }
        String expectError = root.hasNonNull("expectError") ? root.get("expectError").asText() : null;
        if ((expect == null) == (expectError == null)) {
            throw new IllegalArgumentException(displayName + ": expected exactly one of expect and expectError");
        }
        String name = root.hasNonNull("name") ? root.get("name").asText() : displayName;
        return new Scenario(displayName, name, asOf, request, expect, expectError);
    }

    /** Every {@code *.json} scenario under {@code dir}, in path order. */
    public static List<Scenario> loadAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().toList();
        }
        List<Scenario> out = new ArrayList<>();
        for (Path p : files) {
            out.add(read(p, dir.relativize(p).toString().replace('\\', '/')));
        }
        return out;
    }
}
