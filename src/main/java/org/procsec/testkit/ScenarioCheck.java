package org.procsec.testkit;

import org.procsec.internal.engine.EngineCore;
import org.procsec.internal.engine.FiredRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.procsec.model.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.Finding;
import org.procsec.model.PurchaseRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Runs scenarios against an engine and compares each expected field with the assessment. */
public final class ScenarioCheck {
    /** The key under which {@link #expected} and {@link #actual} hold the rule ids of {@code expectFindings}. */
    public static final String FINDINGS_KEY = "expectFindings";

    private ScenarioCheck() {
    }

    /**
     * Runs {@code scenario}: every key under {@code expect} is compared (lists as sorted lists), and every
     * rule id of {@code expectFindings} must have a finding in the assessment.
     */
    public static ScenarioResult run(PolicyEngine engine, Scenario scenario) {
        long start = System.nanoTime();
        ScenarioResult r = check(engine, scenario);
        return r.withNanos(System.nanoTime() - start);
    }

    private static ScenarioResult check(PolicyEngine engine, Scenario scenario) {
        PurchaseRequest request;
        try {
            request = read(scenario);
        } catch (InvalidRequestException e) {
            return inputError(scenario, e);
        }
        FiredRules fired = new FiredRules();
        Assessment assessment = EngineCore.of(engine).assess(request, scenario.asOf(), List.of(fired));
        return judge(scenario, assessment, fired.ids());
    }

    /** The scenario's request, read as the CLI reads one. */
    static PurchaseRequest read(Scenario scenario) throws InvalidRequestException {
        return org.procsec.internal.json.RequestReader.read(scenario.request(), new ArrayList<>());
    }

    /** The result of a scenario whose request is not valid input: passed when it expects that error. */
    static ScenarioResult inputError(Scenario scenario, InvalidRequestException e) {
        List<String> diffs = new ArrayList<>();
        if (scenario.expectError() == null) {
            diffs.add("input error: expected an assessment, got: " + e.getMessage().replace('\n', ';'));
        } else if (e.problems().stream().noneMatch(p -> p.path().contains(scenario.expectError())
                || p.message().contains(scenario.expectError()))) {
            diffs.add("input error: expected one naming " + scenario.expectError() + ", got: "
                    + e.getMessage().replace('\n', ';'));
        }
        return new ScenarioResult(scenario, diffs, null, e.getMessage(), List.of());
    }

    /** The result of a scenario whose request gave {@code assessment}, the rules in {@code fired} firing. */
    static ScenarioResult judge(Scenario scenario, Assessment assessment, List<String> fired) {
        if (scenario.expectError() != null) {
            return new ScenarioResult(scenario, List.of("input error: expected one naming " + scenario.expectError()
                    + ", got an assessment (" + assessment.decision() + ")"), assessment, null, fired);
        }
        List<String> diffs = new ArrayList<>();
        if (scenario.expect() != null) {
            diffs.addAll(compare(scenario.expect(), org.procsec.internal.json.AssessmentNodes.toNode(assessment)));
        }
        diffs.addAll(missingFindings(scenario.expectFindings(), assessment));
        return new ScenarioResult(scenario, diffs, assessment, null, fired);
    }

    /** One difference per rule id of {@code expected} that no finding of {@code assessment} has. */
    public static List<String> missingFindings(List<String> expected, Assessment assessment) {
        List<String> diffs = new ArrayList<>();
        TreeSet<String> present = new TreeSet<>();
        assessment.findings().forEach(f -> present.add(f.ruleId()));
        for (String id : expected) {
            if (!present.contains(id)) {
                diffs.add(FINDINGS_KEY + ": expected a finding of " + id + ", got none (findings: "
                        + (present.isEmpty() ? "none" : String.join(", ", present)) + ")");
            }
        }
        return diffs;
    }

    /** Differences between the expected fields and the actual assessment JSON. */
    static List<String> compare(JsonNode expect, JsonNode actual) {
        List<String> diffs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode want = e.getValue();
            JsonNode got = actual.get(e.getKey());
            if (got == null) {
                diffs.add(e.getKey() + ": expected " + want + ", got no such field");
            } else if (!normalise(want).equals(normalise(got))) {
                diffs.add(e.getKey() + ": expected " + want + ", got " + got);
            }
        }
        return diffs;
    }

    /**
     * What the scenario expects, as pretty JSON: its {@code expect} fields in file order, then
     * {@code expectFindings} (sorted); for an {@code expectError} scenario, {@code {"inputError": path}}.
     * With {@link #actual} it is the pair an IDE shows as a diff.
     */
    public static String expected(Scenario s) {
        ObjectNode o = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
        if (s.expectError() != null) {
            o.put("inputError", s.expectError());
            return org.procsec.internal.json.AssessmentNodes.pretty(o);
        }
        if (s.expect() != null) {
            s.expect().fields().forEachRemaining(e -> o.set(e.getKey(), sorted(e.getValue())));
        }
        if (!s.expectFindings().isEmpty()) {
            new TreeSet<>(s.expectFindings()).forEach(o.withArray(FINDINGS_KEY)::add);
        }
        return org.procsec.internal.json.AssessmentNodes.pretty(o);
    }

    /**
     * The same keys as {@link #expected} with the assessment's values (arrays sorted as they are compared);
     * under {@code expectFindings}, those of the expected rule ids that the findings have. A missing field
     * is left out; an input error gives {@code {"inputError": message}}.
     */
    public static String actual(ScenarioResult r) {
        ObjectNode o = org.procsec.internal.json.AssessmentNodes.nodes().objectNode();
        Scenario s = r.scenario();
        if (r.assessment() == null) {
            o.put("inputError", r.inputError() == null ? "" : r.inputError());
            return org.procsec.internal.json.AssessmentNodes.pretty(o);
        }
        JsonNode actual = org.procsec.internal.json.AssessmentNodes.toNode(r.assessment());
        if (s.expectError() != null) {
            o.put("decision", r.assessment().decision().name());
            return org.procsec.internal.json.AssessmentNodes.pretty(o);
        }
        if (s.expect() != null) {
            s.expect().fieldNames().forEachRemaining(k -> {
                if (actual.has(k)) {
                    o.set(k, sorted(actual.get(k)));
                }
            });
        }
        if (!s.expectFindings().isEmpty()) {
            TreeSet<String> present = new TreeSet<>();
            r.assessment().findings().stream().map(Finding::ruleId).forEach(present::add);
            var arr = o.withArray(FINDINGS_KEY);
            new TreeSet<>(s.expectFindings()).stream().filter(present::contains).forEach(arr::add);
        }
        return org.procsec.internal.json.AssessmentNodes.pretty(o);
    }

    private static JsonNode sorted(JsonNode n) {
        if (!n.isArray()) {
            return n;
        }
        List<JsonNode> items = new ArrayList<>();
        n.forEach(items::add);
        items.sort(java.util.Comparator.comparing(JsonNode::toString));
        var out = org.procsec.internal.json.AssessmentNodes.nodes().arrayNode();
        items.forEach(out::add);
        return out;
    }

    /** Arrays compare as sorted lists of their JSON texts; other values as they are. */
    private static Object normalise(JsonNode n) {
        if (n.isArray()) {
            List<String> all = new ArrayList<>();
            n.forEach(x -> all.add(x.toString()));
            all.sort(null);
            return all;
        }
        return n;
    }
}
