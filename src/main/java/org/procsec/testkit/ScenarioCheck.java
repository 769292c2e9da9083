package org.procsec.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.procsec.api.InvalidRequestException;
import org.procsec.api.PolicyEngine;
import org.procsec.io.AssessmentJson;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Runs scenarios against an engine and compares each expected field with the assessment. */
public final class ScenarioCheck {
    private ScenarioCheck() {
    }

    /** Runs {@code scenario}: every key under {@code expect} is compared (lists as sorted lists). */
    public static ScenarioResult run(PolicyEngine engine, Scenario scenario) {
        Assessment assessment;
        FiredRules fired = new FiredRules();
        try {
            assessment = engine.assess(RequestJson.read(scenario.request(), new ArrayList<>()), scenario.asOf(),
                    List.of(fired));
        } catch (InvalidRequestException e) {
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
        if (scenario.expectError() != null) {
            return new ScenarioResult(scenario, List.of("input error: expected one naming " + scenario.expectError()
                    + ", got an assessment (" + assessment.decision() + ")"), assessment, null, fired.ids());
        }
        return new ScenarioResult(scenario, compare(scenario.expect(), AssessmentJson.toNode(assessment)),
                assessment, null, fired.ids());
    }

    /** Differences between the expected fields and the actual assessment JSON. */
    public static List<String> compare(JsonNode expect, JsonNode actual) {
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

    /** Arrays compare as sorted lists of their JSON texts; other values as they are. */
    private static Object normalise(JsonNode n) {
        if (n.isArray()) {
            TreeSet<String> sorted = new TreeSet<>();
            List<String> all = new ArrayList<>();
            n.forEach(x -> all.add(x.toString()));
            all.sort(null);
            sorted.addAll(all);
            return all;
        }
        return n;
    }
}
