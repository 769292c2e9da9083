package org.procsec.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.procsec.internal.facts.RuleSupport;
import org.procsec.internal.json.JsonTree;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * parts of the assessment ({@code expect}, and/or the rule ids its findings must contain,
 * {@code expectFindings}) or a JSON path the input error must mention ({@code expectError}).
 */
public final class Scenario {
    private final String file;
    private final String name;
    private final LocalDate asOf;
    private final JsonNode request;
    private final JsonNode expect;
    private final String expectError;
    private final List<String> expectFindings;
    private final Path path;

    Scenario(String file, String name, LocalDate asOf, JsonNode request, JsonNode expect,
             String expectError, List<String> expectFindings, Path path) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        expectFindings = List.copyOf(expectFindings);
        boolean expectsAssessment = expect != null || !expectFindings.isEmpty();
        if (expectsAssessment == (expectError != null)) {
            throw new IllegalArgumentException(file + ": a scenario has exactly one of expect (or expectFindings)"
                    + " and expectError");
        }
        if (expectError == null && (expect == null || expect.isEmpty()) && expectFindings.isEmpty()) {
            throw new IllegalArgumentException(file + ": expect: empty and no expectFindings: the scenario "
                    + "asserts nothing (name at least one assessment field, e.g. \"decision\")");
        }
        this.file = file;
        this.name = name;
        this.asOf = asOf;
        this.request = request.deepCopy();
        this.expect = expect == null ? null : expect.deepCopy();
        this.expectError = expectError;
        this.expectFindings = expectFindings;
        this.path = path;
    }

    /** Where it was read from (relative to the scenario directory when loaded from one). */
    public String file() {
        return file;
    }

    /** The scenario's name. */
    public String name() {
        return name;
    }

    /** The as-of date, or null for the award date. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The JSON path the input error must name, or null. */
    public String expectError() {
        return expectError;
    }

    /** Rule ids the assessment's findings must contain (others are allowed); may be empty. */
    public List<String> expectFindings() {
        return expectFindings;
    }

    /** The file on disk, or null when the scenario was not read from one. */
    public Path path() {
        return path;
    }

    /** The request, as JSON text on one line. */
    public String requestJson() {
        return request.toString();
    }

    /** The expected assessment fields, as JSON text on one line, or null when none are named. */
    public String expectJson() {
        return expect == null ? null : expect.toString();
    }

    JsonNode request() {
        return request;
    }

    JsonNode expect() {
        return expect;
    }

    @Override
    public String toString() {
        return "Scenario[" + file + ", " + name + "]";
    }

    /**
     * One scenario file as loaded from a directory: the scenario, or why the file could not be read.
     *
     * @param file     path relative to the scenario directory, '/'-separated
     * @param path     the file on disk
     * @param scenario the scenario, or null when the file could not be read
     * @param error    what is wrong with the file ({@code field: message}), or null
     */
    public record Loaded(String file, Path path, Scenario scenario, String error) {
        public Loaded {
            Objects.requireNonNull(file, "file");
            if ((scenario == null) == (error == null)) {
                throw new IllegalArgumentException("exactly one of scenario and error");
            }
        }

        /** True when the file could not be read as a scenario. */
        public boolean broken() {
            return scenario == null;
        }
    }

    /** Reads one scenario file; a malformed file throws {@link IllegalArgumentException} naming the field. */
    public static Scenario read(Path file, String displayName) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(displayName + ": not valid UTF-8");
        }
        JsonNode root;
        try {
            root = JsonTree.parse(text).root();
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(displayName + ": invalid JSON" + where + ": " + e.getOriginalMessage());
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
        List<String> expectFindings = new ArrayList<>();
        JsonNode findings = root.get("expectFindings");
        if (findings != null) {
            if (!findings.isArray()) {
                throw new IllegalArgumentException(displayName + ": expectFindings: expected an array of rule ids");
            }
            for (int i = 0; i < findings.size(); i++) {
                JsonNode id = findings.get(i);
                if (!id.isTextual() || !RuleSupport.RULE_ID.matcher(id.asText()).matches()) {
                    throw new IllegalArgumentException(displayName + ": expectFindings[" + i + "]: expected a rule id"
                            + " (FAMILY-CLAUSE-slug, e.g. \"CLR-3.7-unclearable-country\"), got " + id);
                }
                expectFindings.add(id.asText());
            }
        }
        JsonNode error = root.get("expectError");
        if (error != null && !error.isNull() && !error.isTextual()) {
            throw new IllegalArgumentException(displayName + ": expectError: expected a JSON path (a string)");
        }
        String expectError = error != null && error.isTextual() ? error.asText() : null;
        boolean expectsAssessment = expect != null || findings != null;
        if (expectsAssessment == (expectError != null)) {
            throw new IllegalArgumentException(displayName + ": expected exactly one of expect (or expectFindings)"
                    + " and expectError");
        }
        if (expectError == null && (expect == null || expect.isEmpty()) && expectFindings.isEmpty()) {
            throw new IllegalArgumentException(displayName + ": expect: empty and no expectFindings: the scenario"
                    + " asserts nothing (name at least one assessment field, e.g. \"decision\")");
        }
        JsonNode nameNode = root.get("name");
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : displayName;
        return new Scenario(displayName, name, asOf, request, expect, expectError, expectFindings, file);
    }

    /** Every {@code *.json} scenario under {@code dir}, in path order; the first malformed file throws. */
    public static List<Scenario> loadAll(Path dir) throws IOException {
        List<Scenario> out = new ArrayList<>();
        for (Loaded l : loadEach(dir)) {
            if (l.broken()) {
                throw new IllegalArgumentException(l.error());
            }
            out.add(l.scenario());
        }
        return out;
    }

    /**
     * Every {@code *.json} file under {@code dir}, in path order, each read on its own: a file that is no
     * scenario gives a {@link Loaded} with its error and does not stop the others. Throws only when the
     * directory itself cannot be listed.
     */
    public static List<Loaded> loadEach(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<Loaded> out = new ArrayList<>();
        for (Path p : files) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            try {
                out.add(new Loaded(rel, p, read(p, rel), null));
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                out.add(new Loaded(rel, p, null, m.startsWith(rel + ": ") ? m.substring(rel.length() + 2) : m));
            } catch (IOException e) {
                out.add(new Loaded(rel, p, null, "cannot be read: " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage())));
            }
        }
        return out;
    }
}
