package org.procsec.testkit;

import org.procsec.api.PolicyEngine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Runs a list of scenarios against one engine and reports results and rule coverage. */
public final class ScenarioSuite {
    private ScenarioSuite() {
    }

    /** Runs every scenario; {@code only} (may be null) keeps those whose file or name it finds. */
    public static SuiteReport run(PolicyEngine engine, List<Scenario> scenarios, Pattern only) {
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (Scenario s : scenarios) {
            if (only != null && !only.matcher(s.file()).find() && !only.matcher(s.name()).find()) {
                continue;
            }
            ScenarioResult r = ScenarioCheck.run(engine, s);
            results.add(r);
            fired.addAll(r.firedRules());
        }
        return new SuiteReport(results, engine.rules(), fired);
    }
}
