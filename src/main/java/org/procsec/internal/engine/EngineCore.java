package org.procsec.internal.engine;

import org.kie.api.event.rule.AgendaEventListener;
import org.procsec.internal.text.LogText;
import org.procsec.model.Assessment;
import org.procsec.model.Explanation;
import org.procsec.model.PurchaseRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a {@code PolicyEngine} is made of: the rule set in service (swapped atomically on reload)
 * and the evaluator. The public engine delegates to it; procsec's own tools (the testkit's
 * coverage, the review tools, the CLI) reach it through {@link #of}, so that the public API
 * carries no Drools or internal types. Thread-safe.
 */
public final class EngineCore {
    private static final Logger DECISIONS = LoggerFactory.getLogger("org.procsec.decisions");
    /** Public engine to its core; weak keys, and a core never refers to its engine. */
    private static final Map<Object, EngineCore> CORES = Collections.synchronizedMap(new WeakHashMap<>());

    private final AtomicReference<CompiledRules> rules;
    private final Evaluator evaluator;

    public EngineCore(CompiledRules rules, Evaluator evaluator) {
        this.rules = new AtomicReference<>(Objects.requireNonNull(rules, "rules"));
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /** Records {@code core} as the core of the public {@code engine}. */
    public static void register(Object engine, EngineCore core) {
        CORES.put(engine, core);
    }

    /** The core of a public {@code PolicyEngine}. */
    public static EngineCore of(Object engine) {
        EngineCore core = CORES.get(Objects.requireNonNull(engine, "engine"));
        if (core == null) {
            throw new IllegalArgumentException("not a procsec PolicyEngine: " + engine.getClass().getName());
        }
        return core;
    }

    /** The evaluator (its counters, for tests and benchmarks). */
    public Evaluator evaluator() {
        return evaluator;
    }

    /** The rule set in service. */
    public CompiledRules rules() {
        return rules.get();
    }

    /** Swaps in {@code fresh}; returns the rule set it replaces. */
    public CompiledRules swap(CompiledRules fresh) {
        return rules.getAndSet(Objects.requireNonNull(fresh, "fresh"));
    }

    /** Assesses {@code request} with {@code listeners} attached to its session only; logs the decision. */
    public Assessment assess(PurchaseRequest request, LocalDate asOf, List<AgendaEventListener> listeners) {
        Objects.requireNonNull(request, "request");
        CompiledRules current = rules.get(); // an assessment finishes on the rule set it started with
        Assessment a = evaluator.evaluate(current, request, asOf, listeners);
        DECISIONS.info("request {} decision {} findings {} asOf {} rules {}", LogText.escape(a.requestId()),
                a.decision(), a.findings().size(), a.policy().asOf(), a.policy().fingerprint());
        return a;
    }

    /**
     * Assesses {@code requests} in order, several per session ({@link Evaluator#evaluateAll});
     * each assessment is what {@link #assess} gives for its request. Logs each decision.
     */
    public List<Assessment> assessAll(List<PurchaseRequest> requests, LocalDate asOf) {
        return assessAll(requests, asOf, Evaluator.DEFAULT_CHUNK);
    }

    /** The same with {@code chunk} requests per session (tests and benchmarks). */
    public List<Assessment> assessAll(List<PurchaseRequest> requests, LocalDate asOf, int chunk) {
        return assessAll(requests, java.util.Collections.nCopies(requests.size(), asOf), chunk);
    }

    /** Each request with its own as-of date ({@code asOfs.get(i)}; null: its award date). */
    public List<Assessment> assessAll(List<PurchaseRequest> requests, List<LocalDate> asOfs, int chunk) {
        return assessAll(requests, asOfs, chunk, null);
    }

    /**
     * The same, telling {@code fired} (may be null) the id of each rule that fires and the index of
     * the request it fired for ({@link Evaluator#evaluateAll(CompiledRules, List, List, int,
     * java.util.function.ObjIntConsumer)}): rule coverage for a batch.
     */
    public List<Assessment> assessAll(List<PurchaseRequest> requests, List<LocalDate> asOfs, int chunk,
                                      java.util.function.ObjIntConsumer<String> fired) {
        for (int i = 0; i < requests.size(); i++) {
            Objects.requireNonNull(requests.get(i), "requests[" + i + "]");
        }
        CompiledRules current = rules.get();
        List<Assessment> all = evaluator.evaluateAll(current, List.copyOf(requests), new java.util.ArrayList<>(asOfs),
                chunk, fired == null ? null : (rule, i) -> fired.accept(org.procsec.internal.facts.RuleSupport.ruleId(rule), i));
        for (Assessment a : all) {
            DECISIONS.info("request {} decision {} findings {} asOf {} rules {}", LogText.escape(a.requestId()),
                    a.decision(), a.findings().size(), a.policy().asOf(), a.policy().fingerprint());
        }
        return all;
    }

    /** The assessment with every firing and the facts it matched. */
    public Explanation explain(PurchaseRequest request, LocalDate asOf) {
        Explainer explainer = new Explainer();
        Assessment a = assess(request, asOf, List.of(explainer));
        return new Explanation(a, explainer.fired());
    }
}
