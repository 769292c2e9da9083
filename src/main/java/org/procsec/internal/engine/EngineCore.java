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

    /** The assessment with every firing and the facts it matched. */
    public Explanation explain(PurchaseRequest request, LocalDate asOf) {
        Explainer explainer = new Explainer();
        Assessment a = assess(request, asOf, List.of(explainer));
        return new Explanation(a, explainer.fired());
    }
}
