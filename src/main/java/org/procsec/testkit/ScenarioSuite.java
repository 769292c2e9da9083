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
        List<Scenario.Loaded> files = new ArrayList<>();
        scenarios.forEach(s -> files.add(new Scenario.Loaded(s.file(), s.path(), s, null)));
        return runFiles(engine, files, only);
    }

    /**
     * Runs every scenario file as {@link Scenario#loadEach} loaded them: a file that could not be read is a
     * failed result with its error, and the others still run. {@code only} (may be null) keeps the scenarios
     * whose file or name it finds, and the broken files whose file it finds.
     */
    public static SuiteReport runFiles(PolicyEngine engine, List<Scenario.Loaded> files, Pattern only) {
        List<ScenarioResult> results = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (Scenario.Loaded f : files) {
            if (!matches(only, f)) {
                continue;
            }
            if (f.broken()) {
                results.add(ScenarioResult.broken(f));
                continue;
            }
            ScenarioResult r = ScenarioCheck.run(engine, f.scenario());
            results.add(r);
            fired.addAll(r.firedRules());
        }
        return new SuiteReport(results, engine.rules(), fired);
    }

    /** True when {@code only} is null or finds the file's path or its scenario's name. */
    public static boolean matches(Pattern only, Scenario.Loaded f) {
        return only == null || only.matcher(f.file()).find()
                || (!f.broken() && only.matcher(f.scenario().name()).find());
    }
}
