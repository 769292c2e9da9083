package org.procsec.api;

import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleProblem;
import org.procsec.ruleset.RuleSource;

import org.procsec.internal.engine.EngineCore;
import org.procsec.model.Explanation;
import org.procsec.internal.engine.CompiledRules;
import org.procsec.internal.engine.Evaluator;
import org.procsec.internal.engine.RuleCompiler;
import org.procsec.ruleset.RuleInfo;
import org.procsec.internal.text.LogText;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Assesses purchases against the procurement security policy.
 *
 * <p>Build one engine and share it: it is thread-safe, and every assessment runs in its own
 * Drools session over a rule set compiled once.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.builder().build();           // bundled rules
 * PurchaseRequest request = RequestJson.parse(json);               // or build the records
 * Assessment a = engine.assess(request);                           // policy on the award date
 * Assessment today = engine.assess(request, LocalDate.now());      // portfolio review
 * Decision decision = a.decision();                              // and a.findings(), each citing its clause
 * }</pre>
 *
 * <p>Two error channels: building throws {@link RuleBuildException} when the rules do not build;
 * whatever goes wrong while assessing (a rule crash, the firing cap, the time budget) is reported
 * inside the assessment, which is then at least REFER. No error ever yields APPROVE.
 */
public final class PolicyEngine {

    /** Default cap on rule firings per assessment: far above the few hundred a real request needs. */
    public static final int DEFAULT_MAX_FIRINGS = 100_000;
    /** Default wall-clock budget per assessment. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(5);

    private final EngineCore core;
    private final String pinnedFingerprint;

    private PolicyEngine(EngineCore core, String pinnedFingerprint) {
        this.core = core;
        this.pinnedFingerprint = pinnedFingerprint;
        EngineCore.register(this, core);
    }

    /** A builder; without {@link Builder#rules} it uses the bundled rules. */
    public static Builder builder() {
        return new Builder();
    }

    /** Assesses {@code request} under the policy in force on its award date. */
    public Assessment assess(PurchaseRequest request) {
        return assess(request, null);
    }

    /**
     * Assesses {@code request} under the policy in force on {@code asOf} (a portfolio review);
     * {@code asOf} null means the award date.
     */
    public Assessment assess(PurchaseRequest request, LocalDate asOf) {
        return core.assess(request, asOf, List.of());
    }

    /**
     * Assesses {@code requests}, in order, each exactly as {@link #assess(PurchaseRequest, LocalDate)}
     * would, but several per rule session: on the generated mix about 0.5 - 0.65 × the time per request
     * (docs/performance.md).
     * {@code asOf} null means each request's award date.
     */
    public List<Assessment> assessAll(List<PurchaseRequest> requests, LocalDate asOf) {
        return core.assessAll(requests, asOf);
    }

    /**
     * As {@link #assess(PurchaseRequest, LocalDate)}, with the reasons: every rule that fired, in
     * order, with the facts it matched (what {@code assess --explain} prints). Costs more than
     * {@code assess}; meant for people reading one assessment, not for bulk use.
     */
    public Explanation explain(PurchaseRequest request, LocalDate asOf) {
        return core.explain(request, asOf);
    }

    /**
     * Builds {@code source} without serving it and returns every problem that keeps it from
     * building (file, line, column, message), in file order; empty when it builds. What
     * {@code procsec validate} prints.
     */
    public static List<RuleProblem> validate(RuleSource source) {
        try {
            RuleCompiler.compile(source);
            return List.of();
        } catch (RuleBuildException e) {
            return e.problems();
        }
    }

    /**
     * Rebuilds the rules from {@code source} and swaps them in atomically. When the new rules do
     * not build, the current ones stay in service and the exception lists the problems.
     */
    public void reload(RuleSource source) throws RuleBuildException {
        checkPin(source, pinnedFingerprint); // a pinned engine serves only the pinned rule set
        CompiledRules fresh = RuleCompiler.compile(source);
        CompiledRules old = core.swap(fresh);
        LoggerFactory.getLogger(PolicyEngine.class).info("rules reloaded from {}: {} -> {}", source.description(),
                old.fingerprint(), fresh.fingerprint());
    }

    private static void checkPin(RuleSource s, String pin) throws RuleBuildException {
        if (pin != null && !pin.equalsIgnoreCase(s.fingerprint())) {
            throw new RuleBuildException(s.description(), List.of(new RuleProblem(".", 0, 0,
                    "rules fingerprint " + s.fingerprint() + " differs from the expected " + pin)));
        }
    }

    /** {@code sha256:...} of the rule set in service. */
    public String fingerprint() {
        return core.rules().fingerprint();
    }

    /** Policy edition of the rule set in service. */
    public String edition() {
        return core.rules().edition();
    }

    /** The rules in service, in file and line order. */
    public List<RuleInfo> rules() {
        return core.rules().rules();
    }

    /** Builds a {@link PolicyEngine}. */
    public static final class Builder {
        private RuleSource source;
        private int maxFirings = DEFAULT_MAX_FIRINGS;
        private Duration timeBudget = DEFAULT_TIME_BUDGET;
        private String expectedFingerprint;

        private Builder() {
        }

        /** The rules to use; default {@link RuleSource#bundled()}. */
        public Builder rules(RuleSource rules) {
            this.source = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** The rules in {@code dir}, laid out like {@code src/main/resources/rules/}. */
        public Builder rulesDirectory(Path dir) throws java.io.IOException {
            return rules(RuleSource.directory(dir));
        }

        /** Cap on rule firings per assessment; reaching it gives REFER. */
        public Builder maxRuleFirings(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxRuleFirings: expected >= 1, got " + max);
            }
            this.maxFirings = max;
            return this;
        }

        /** Wall-clock budget per assessment; exceeding it gives REFER. */
        public Builder timeBudget(Duration budget) {
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("timeBudget: expected a positive duration, got " + budget);
            }
            this.timeBudget = budget;
            return this;
        }

        /**
         * Refuse rules whose fingerprint is not {@code fingerprint} ({@code sha256:<hex>}, or the bare hex),
         * so that production runs only the rule set that was reviewed.
         */
        public Builder expectFingerprint(String fingerprint) {
            this.expectedFingerprint = fingerprint;
            return this;
        }

        /** Compiles the rules and returns the engine. */
        public PolicyEngine build() throws RuleBuildException {
            RuleSource s = source != null ? source : RuleSource.bundled();
            String pin = expectedFingerprint == null ? null
                    : expectedFingerprint.startsWith("sha256:") ? expectedFingerprint : "sha256:" + expectedFingerprint;
            checkPin(s, pin);
            return new PolicyEngine(new EngineCore(RuleCompiler.compile(s), new Evaluator(maxFirings, timeBudget)), pin);
        }
    }
}
