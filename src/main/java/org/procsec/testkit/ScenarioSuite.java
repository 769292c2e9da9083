package org.procsec.testkit;

import org.procsec.api.PolicyEngine;
import org.procsec.internal.engine.EngineCore;
import org.procsec.internal.engine.Evaluator;
import org.procsec.model.Assessment;
import org.procsec.model.InvalidRequestException;
import org.procsec.model.PurchaseRequest;

import java.time.LocalDate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
     * whose file or name it finds, and the broken files whose file it finds. The scenarios' requests are
     * assessed as a batch (several per session, {@code EngineCore#assessAll}), each exactly as alone, with
     * the rules that fired for each; a scenario's time is its own reading and checking plus an even share
     * of the time the batch took.
     */
    public static SuiteReport runFiles(PolicyEngine engine, List<Scenario.Loaded> files, Pattern only) {
        ScenarioResult[] results = new ScenarioResult[files.size()];
        long[] nanos = new long[files.size()];
        List<Integer> assessed = new ArrayList<>();
        List<PurchaseRequest> requests = new ArrayList<>();
        List<LocalDate> asOfs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Scenario.Loaded f = files.get(i);
            if (!matches(only, f)) {
                continue;
            }
            if (f.broken()) {
                results[i] = ScenarioResult.broken(f);
                continue;
            }
            long start = System.nanoTime();
            try {
                requests.add(ScenarioCheck.read(f.scenario()));
                asOfs.add(f.scenario().asOf());
                assessed.add(i);
            } catch (InvalidRequestException e) {
                results[i] = ScenarioCheck.inputError(f.scenario(), e);
            }
            nanos[i] = System.nanoTime() - start;
        }
        List<Set<String>> fired = new ArrayList<>(requests.size());
        requests.forEach(r -> fired.add(new LinkedHashSet<>()));
        long start = System.nanoTime();
        List<Assessment> done = EngineCore.of(engine).assessAll(requests, asOfs, Evaluator.DEFAULT_CHUNK,
                (rule, k) -> fired.get(k).add(rule));
        long share = requests.isEmpty() ? 0 : (System.nanoTime() - start) / requests.size();
        for (int k = 0; k < requests.size(); k++) {
            int i = assessed.get(k);
            long check = System.nanoTime();
            results[i] = ScenarioCheck.judge(files.get(i).scenario(), done.get(k), new ArrayList<>(fired.get(k)));
            nanos[i] += share + System.nanoTime() - check;
        }
        List<ScenarioResult> all = new ArrayList<>();
        Set<String> firedAll = new HashSet<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] != null) {
                all.add(results[i].withNanos(nanos[i]));
                firedAll.addAll(results[i].firedRules());
            }
        }
        return new SuiteReport(all, engine.rules(), firedAll);
    }

    /** True when {@code only} is null or finds the file's path or its scenario's name. */
    public static boolean matches(Pattern only, Scenario.Loaded f) {
        return only == null || only.matcher(f.file()).find()
                || (!f.broken() && only.matcher(f.scenario().name()).find());
    }
}
