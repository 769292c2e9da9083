package org.procsec.internal.engine;

import org.procsec.internal.facts.RuleSupport;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.procsec.internal.facts.CseTrigger;
import org.procsec.internal.facts.DecisionFact;
import org.procsec.internal.facts.HeldClearance;
import org.procsec.internal.facts.Prohibition;
import org.procsec.internal.facts.RequiredClearance;
import org.procsec.internal.facts.RequestScoped;
import org.procsec.internal.facts.RequiredCondition;
import org.procsec.internal.facts.SensitiveSector;
import org.procsec.model.Assessment;
import org.procsec.model.ClearanceLevel;
import org.procsec.model.ConditionType;
import org.procsec.model.Decision;
import org.procsec.model.Finding;
import org.procsec.model.Outcome;
import org.procsec.model.PolicyInfo;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * Runs one assessment in its own session and assembles the result, failing closed (POLICY 1.3):
 * a rule crash, the firing cap, the time budget, or a missing or inconsistent decision all give
 * at least REFER with a DEC finding that says why.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    /** Rule ids of the findings the evaluator itself adds (they cite POLICY 1.3). */
    public static final String EVALUATION_ERROR = "DEC-1.3-evaluation-error";
    public static final String FIRING_LIMIT = "DEC-1.3-firing-limit";
    public static final String TIME_BUDGET = "DEC-1.3-time-budget";
    public static final String NO_DECISION = "DEC-1.3-no-decision";
    public static final String DECISION_BELOW_FINDINGS = "DEC-1.3-decision-below-findings";
    public static final String INCONSISTENT_RESULT = "DEC-1.3-inconsistent-result";

    private final int maxFirings;
    private final long budgetNanos;

    /**
     * @param maxFirings cap on rule firings per assessment
     * @param timeBudget wall-clock budget per assessment, checked after each firing
     */
    public Evaluator(int maxFirings, Duration timeBudget) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings: expected >= 1, got " + maxFirings);
        }
        this.maxFirings = maxFirings;
        this.budgetNanos = timeBudget.toNanos();
    }

    public int maxFirings() {
        return maxFirings;
    }

    public Duration timeBudget() {
        return Duration.ofNanos(budgetNanos);
    }

    /** Assesses {@code request} under {@code rules}; {@code listeners} (may be empty) watch the firings. */
    public Assessment evaluate(CompiledRules rules, PurchaseRequest request, LocalDate asOf,
                               List<AgendaEventListener> listeners) {
        LocalDate effective = asOf != null ? asOf : request.awardDate();
        PolicyInfo policy = new PolicyInfo(rules.edition(), effective, rules.fingerprint());
        List<Finding> failures = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        // Listeners (explain, coverage) must see every firing of this assessment, so they get a
        // session of their own; plain assessments reuse this thread's session for these rules.
        Warm warm = listeners.isEmpty() ? borrow(rules) : null;
        KieSession session = warm != null ? warm.session : rules.kieBase().newKieSession();
        boolean reusable = warm != null;
        // The request is number 0 of its session and is undone afterwards (reset). Keeping earlier
        // requests in the session instead (they are kept apart, RequestScoping) was measured slower,
        // and the more so the more it keeps (docs/performance.md, issue 15.3).
        List<org.kie.api.runtime.rule.FactHandle> handles = new ArrayList<>();
        Budget budget = new Budget(session, System.nanoTime() + budgetNanos);
        try {
            session.addEventListener(budget);
            listeners.forEach(session::addEventListener);
            if (warm == null) {
                for (Object fact : rules.referenceData().facts()) {
                    session.insert(fact);
                }
            }
            for (Object fact : FactBuilder.facts(request, asOf, rules.referenceData())) {
                handles.add(session.insert(fact));
            }
            int fired = session.fireAllRules(maxFirings);
            if (budget.expired) {
                reusable = false;
                failures.add(failure(TIME_BUDGET, "evaluation stopped after the time budget of "
                        + Duration.ofNanos(budgetNanos).toMillis() + " ms", "check the rules for loops"));
            } else if (fired >= maxFirings) {
                reusable = false;
                failures.add(failure(FIRING_LIMIT, "evaluation stopped at the cap of " + maxFirings
                        + " rule firings", "check the rules for loops"));
            }
            collectResults(session, results);
        } catch (RuntimeException e) {
            reusable = false;
            // One line at WARN; the stack trace only at DEBUG (the CLI's --debug). Both escaped: the
            // id and the exception's message may carry request text.
            String id = org.procsec.internal.text.LogText.escape(request.id());
            LOG.warn("request {}: evaluation failed: {}", id, org.procsec.internal.text.LogText.escape(rootMessage(e)));
            if (LOG.isDebugEnabled()) {
                LOG.debug("request {}: evaluation failed, stack trace:", id, escapedTrace(e));
            }
            failures.add(failure(EVALUATION_ERROR, "evaluation failed: " + rootMessage(e),
                    "report the rule error; assess again once the rules are fixed"));
        } finally {
            session.removeEventListener(budget);
            if (reusable && reset(warm, handles)) {
                giveBack(rules, warm);
            } else {
                session.dispose();
            }
        }
        return assemble(request.id(), policy, results, failures, asOf != null);
    }

    private final java.util.concurrent.atomic.LongAdder fallbacks = new java.util.concurrent.atomic.LongAdder();

    /** Chunks whose requests had to be assessed one by one (a crash, a limit, a stray fact) so far. */
    public long fallbacks() {
        return fallbacks.sum();
    }

    private static final org.kie.api.runtime.ClassObjectFilter DERIVED =
            new org.kie.api.runtime.ClassObjectFilter(org.procsec.internal.facts.Derived.class);
    private static final org.kie.api.runtime.ClassObjectFilter FINDINGS = new org.kie.api.runtime.ClassObjectFilter(Finding.class);

    /**
     * Adds to {@code results} what {@link #assemble} reads from a request's session: the facts the
     * rules derived (every type it tests is {@link org.procsec.internal.facts.Derived}) and any plain
     * {@link Finding}. Two class stores instead of a filter over every fact, reference data included:
     * about half the time (docs/performance.md, issue 15).
     */
    static void collectResults(KieSession session, List<Object> results) {
        for (Object o : session.getObjects(DERIVED)) {
            results.add(o);
        }
        for (Object o : session.getObjects(FINDINGS)) {
            results.add(o);
        }
    }

    private static boolean isReference(Object o) {
        return o != null && o.getClass().getPackageName().equals("org.procsec.internal.refdata");
    }

    /** Requests assessed in one session by {@link #evaluateAll}. */
    public static final int DEFAULT_CHUNK = 128;

    /**
     * Assesses {@code requests} (in order; {@code asOf} as for {@link #evaluate}) in sessions of
     * {@code chunk} requests each, disposed afterwards instead of undone. The rules are joined to
     * their request where they are compiled ({@link RequestScoping}), so each request is assessed
     * exactly as alone. Fails closed per request: when a chunk hits a rule crash, the firing cap, the
     * time budget (each scaled by the chunk's size) or a fact that belongs to no request of it, its
     * requests are assessed again one by one, which reports the failure where it belongs.
     */
    public List<Assessment> evaluateAll(CompiledRules rules, List<PurchaseRequest> requests, LocalDate asOf,
                                        int chunk) {
        return evaluateAll(rules, requests, java.util.Collections.nCopies(requests.size(), asOf), chunk);
    }

    /** {@link #evaluateAll}, each request with its own as-of date ({@code asOfs.get(i)}, null: award date). */
    public List<Assessment> evaluateAll(CompiledRules rules, List<PurchaseRequest> requests, List<LocalDate> asOfs,
                                        int chunk) {
        return evaluateAll(rules, requests, asOfs, chunk, null);
    }

    /**
     * {@link #evaluateAll}, telling {@code fired} (may be null) the name of each rule that fires and
     * the index of the request it fired for, in firing order per request. A chunk whose firings
     * cannot all be told apart by request is assessed one by one, like a failed one; the firings of
     * a chunk that is assessed again are not told twice.
     */
    public List<Assessment> evaluateAll(CompiledRules rules, List<PurchaseRequest> requests, List<LocalDate> asOfs,
                                        int chunk, ObjIntConsumer<String> fired) {
        // Rules that would mix requests (RequestScoping, RuleCompiler) get a session per request.
        return evaluateChunked(rules, requests, asOfs, rules.batchable() ? chunk : 1, fired);
    }

    /** {@link #evaluateAll} with {@code chunk} as given, even for rules that would mix requests (tests). */
    List<Assessment> evaluateChunked(CompiledRules rules, List<PurchaseRequest> requests, List<LocalDate> asOfs,
                                     int chunk) {
        return evaluateChunked(rules, requests, asOfs, chunk, null);
    }

    private List<Assessment> evaluateChunked(CompiledRules rules, List<PurchaseRequest> requests,
                                             List<LocalDate> asOfs, int chunk, ObjIntConsumer<String> fired) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk: expected >= 1, got " + chunk);
        }
        if (asOfs.size() != requests.size()) {
            throw new IllegalArgumentException("asOfs: expected one per request (" + requests.size() + "), got "
                    + asOfs.size());
        }
        List<Assessment> out = new ArrayList<>(requests.size());
        for (int from = 0; from < requests.size(); from += chunk) {
            int to = Math.min(requests.size(), from + chunk);
            List<PurchaseRequest> part = requests.subList(from, to);
            List<LocalDate> dates = asOfs.subList(from, to);
            List<List<String>> firings = fired == null ? null : new ArrayList<>(part.size());
            List<Assessment> done = part.size() == 1 ? null : evaluateChunk(rules, part, dates, firings);
            if (done == null) {
                for (int i = 0; i < part.size(); i++) {
                    List<AgendaEventListener> watch = List.of();
                    if (fired != null) {
                        int index = from + i;
                        watch = List.of(new DefaultAgendaEventListener() {
                            @Override
                            public void afterMatchFired(AfterMatchFiredEvent event) {
                                fired.accept(event.getMatch().getRule().getName(), index);
                            }
                        });
                    }
                    out.add(evaluate(rules, part.get(i), dates.get(i), watch));
                }
            } else {
                out.addAll(done);
                if (fired != null) {
                    for (int i = 0; i < firings.size(); i++) {
                        for (String rule : firings.get(i)) {
                            fired.accept(rule, from + i);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The chunk's assessments, or null when they must be made one by one (see {@link #evaluateAll}). */
    private List<Assessment> evaluateChunk(CompiledRules rules, List<PurchaseRequest> part, List<LocalDate> asOfs,
                                           List<List<String>> firings) {
        int n = part.size();
        KieSession session = rules.kieBase().newKieSession();
        Budget budget = new Budget(session, System.nanoTime() + Math.multiplyExact(budgetNanos, (long) n));
        int cap = (int) Math.min(Integer.MAX_VALUE, (long) maxFirings * n);
        List<List<Object>> byRequest = new ArrayList<>(n);
        ByRequest watch = firings == null ? null : new ByRequest(firings, n);
        try {
            session.addEventListener(budget);
            if (watch != null) {
                session.addEventListener(watch);
            }
            for (Object fact : rules.referenceData().facts()) {
                session.insert(fact);
            }
            for (int i = 0; i < n; i++) {
                for (Object fact : FactBuilder.facts(part.get(i), asOfs.get(i), rules.referenceData(), i)) {
                    session.insert(fact);
                }
                byRequest.add(new ArrayList<>(32));
            }
            int fired = session.fireAllRules(cap);
            if (budget.expired || fired >= cap || (watch != null && watch.unattributed)) {
                fallbacks.increment();
                return null;
            }
            for (Object o : session.getObjects(o -> !isReference(o))) {
                if (!(o instanceof RequestScoped s) || s.rq() < 0 || s.rq() >= n) {
                    LOG.debug("a fact of no request of the chunk ({}): assessing its requests one by one",
                            o == null ? "null" : o.getClass().getSimpleName());
                    fallbacks.increment();
                    return null;
                }
                byRequest.get(s.rq()).add(o);
            }
        } catch (RuntimeException e) {
            LOG.debug("a chunk of {} requests failed ({}): assessing them one by one", n,
                    org.procsec.internal.text.LogText.escape(rootMessage(e)));
            fallbacks.increment();
            return null;
        } finally {
            session.dispose();
        }
        List<Assessment> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PurchaseRequest r = part.get(i);
            LocalDate asOf = asOfs.get(i);
            PolicyInfo policy = new PolicyInfo(rules.edition(), asOf != null ? asOf : r.awardDate(), rules.fingerprint());
            out.add(assemble(r.id(), policy, byRequest.get(i), List.of(), asOf != null));
        }
        return out;
    }

    /** A session holding only the reference data of one rule set, lent to one assessment at a time. */
    private static final class Warm {
        final KieSession session;
        final long idleFacts;

        Warm(CompiledRules rules) {
            this.session = rules.kieBase().newKieSession();
            for (Object fact : rules.referenceData().facts()) {
                session.insert(fact);
            }
            session.fireAllRules(DEFAULT_SETTLE_FIRINGS);
            this.idleFacts = session.getFactCount();
        }
    }

    private static final int DEFAULT_SETTLE_FIRINGS = 10_000;
    /** Idle sessions kept per rule set; more are disposed when given back. */
    private static final int POOL_SIZE = 16;
    /**
     * Idle sessions by rule set. Weak keys: once a reload has replaced a rule set and its last
     * assessment has finished, its pool goes with it. A session is never shared: it is taken out
     * of the pool for one assessment and given back only if it is exactly idle again.
     */
    private final Map<CompiledRules, java.util.Deque<Warm>> pools =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The pool of the rule set used last: almost every call is for the rule set in service. */
    private volatile PoolRef last;

    private record PoolRef(CompiledRules rules, java.util.Deque<Warm> pool) {
    }

    private java.util.Deque<Warm> poolOf(CompiledRules rules) {
        PoolRef ref = last;
        if (ref != null && ref.rules() == rules) {
            return ref.pool();
        }
        java.util.Deque<Warm> pool = pools.computeIfAbsent(rules, r -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        last = new PoolRef(rules, pool);
        return pool;
    }

    private Warm borrow(CompiledRules rules) {
        Warm w = poolOf(rules).pollFirst();
        return w != null ? w : new Warm(rules);
    }

    private void giveBack(CompiledRules rules, Warm warm) {
        java.util.Deque<Warm> pool = poolOf(rules);
        if (pool.size() < POOL_SIZE) {
            pool.offerFirst(warm);
        } else {
            warm.session.dispose();
        }
    }

    /**
     * Takes the request out of a reused session; everything the rules derived from it goes with
     * it (all derived facts are logical). Returns false, so that the session is thrown away, when
     * the session is not back to exactly its idle state (e.g. a rule set that inserts facts
     * without truth maintenance): nothing may carry over from one assessment to the next.
     */
    private static boolean reset(Warm warm, List<org.kie.api.runtime.rule.FactHandle> handles) {
        try {
            for (org.kie.api.runtime.rule.FactHandle h : handles) {
                warm.session.delete(h);
            }
            warm.session.fireAllRules(DEFAULT_SETTLE_FIRINGS);
            return warm.session.getFactCount() == warm.idleFacts;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Collects what the rules derived. Nothing here decides an outcome: the one check is the fail
     * closed invariant (POLICY 1.3), that the result is never more permissive than its findings
     * and that the rules produced exactly one of each result they must produce.
     */
    static Assessment assemble(String requestId, PolicyInfo policy, List<Object> results,
                                       List<Finding> failures, boolean portfolio) {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        Set<ConditionType> conditions = EnumSet.noneOf(ConditionType.class);
        // Sorted and each kept once by the Assessment (a list sort is cheaper than a tree here).
        List<Finding> findings = new ArrayList<>(failures);
        Set<Decision> decisions = EnumSet.noneOf(Decision.class);
        Set<ClearanceLevel> required = EnumSet.noneOf(ClearanceLevel.class);
        ClearanceLevel held = ClearanceLevel.NONE;
        boolean cse = false;
        boolean prohibited = false;
        Set<org.procsec.model.HoldingAction> actions = EnumSet.noneOf(org.procsec.model.HoldingAction.class);
        org.procsec.internal.facts.ServiceLife serviceLife = null;
        for (Object o : results) {
            if (o instanceof org.procsec.internal.facts.RequestFinding f) {
                findings.add(f.finding());
            } else if (o instanceof Finding f) {
                findings.add(f);
            } else if (o instanceof SensitiveSector s) {
                sectors.add(s.sector());
            } else if (o instanceof RequiredClearance r) {
                required.add(r.level());
            } else if (o instanceof HeldClearance h && h.partyRef().equals(FactBuilder.SUPPLIER)) {
                held = h.level();
            } else if (o instanceof CseTrigger) {
                cse = true;
            } else if (o instanceof Prohibition) {
                prohibited = true;
            } else if (o instanceof RequiredCondition c) {
                conditions.add(c.type());
            } else if (o instanceof DecisionFact d) {
                decisions.add(d.decision());
            } else if (o instanceof org.procsec.internal.facts.HoldingReport h) {
                actions.add(h.action());
            } else if (o instanceof org.procsec.internal.facts.ServiceLife life) {
                serviceLife = life;
            }
        }
        if (required.size() > 1) {
            findings.add(failure(INCONSISTENT_RESULT, "the rules of section 3 gave several required levels "
                    + required, "check the rules of section 3"));
        }
        if (portfolio && actions.size() != 1) {
            findings.add(failure(INCONSISTENT_RESULT, "the rules of section 7 gave "
                    + (actions.isEmpty() ? "no holding action" : "several holding actions " + actions),
                    "check the rules of section 7"));
        }

        // Fail closed: the decision is never more permissive than the findings allow.
        Decision floor = Decision.APPROVE;
        for (Finding f : findings) {
            floor = Decision.stricter(floor, f.outcome().floor());
        }
        Decision ruled = decisions.size() == 1 ? decisions.iterator().next() : null;
        Decision decision;
        if (ruled == null) {
            findings.add(failure(NO_DECISION, "the decision rules gave " + (decisions.isEmpty() ? "no decision"
                    : "several decisions " + decisions), "check the rules of section 8"));
            decision = Decision.stricter(Decision.REFER, floor);
        } else {
            decision = Decision.stricter(ruled, floor);
            if (decision != ruled) {
                findings.add(failure(DECISION_BELOW_FINDINGS, "the decision rules gave " + ruled
                        + " but the findings require " + decision, "check the rules of section 8"));
                decision = Decision.stricter(decision, Decision.REFER);
            }
        }
        if (decision == Decision.REJECT && !conditions.isEmpty()) {
            findings.add(failure(INCONSISTENT_RESULT, "the rules of section 6 listed conditions " + conditions
                    + " for a REJECTed purchase", "check the rules of section 6"));
        }
        org.procsec.model.Holding holding = null;
        if (portfolio) {
            org.procsec.model.HoldingAction action = actions.size() == 1 ? actions.iterator().next() : null;
            if (decision != ruled || action == null) {
                // The rules did not reach this decision (fail closed): the holding follows it as 7.1
                // says, REPLACE for a REJECT and a review at renewal otherwise, never KEEP.
                action = decision == Decision.REJECT ? org.procsec.model.HoldingAction.REPLACE
                        : org.procsec.model.HoldingAction.REVIEW_AT_RENEWAL;
            }
            holding = new org.procsec.model.Holding(action, serviceLife != null && serviceLife.ended(),
                    serviceLife == null ? null : serviceLife.ends());
        }
        return new Assessment(requestId, decision, List.copyOf(sectors),
                required.isEmpty() ? ClearanceLevel.NONE : java.util.Collections.max(required), held, cse,
                prohibited, List.copyOf(conditions), findings, policy, holding);
    }

    private static Finding failure(String ruleId, String message, String remedy) {
        return new Finding(ruleId, RuleSupport.clauseOf(ruleId), Outcome.REFER, message, remedy);
    }

    /**
     * A copy of {@code e} and its causes whose messages are escaped ({@code LogText}) and whose
     * stack traces are the originals, so that a logged stack trace cannot forge log lines either.
     */
    static Throwable escapedTrace(Throwable e) {
        return escapedTrace(e, 20);
    }

    private static Throwable escapedTrace(Throwable e, int depth) {
        Throwable cause = e.getCause() == null || e.getCause() == e || depth == 0 ? null
                : escapedTrace(e.getCause(), depth - 1);
        Throwable copy = new Throwable(org.procsec.internal.text.LogText.escape(e.toString()), cause, false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                return getMessage();
            }
        };
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** The firings of a chunk by request: the request of the first request-scoped fact each match has. */
    private static final class ByRequest extends DefaultAgendaEventListener {
        private final List<List<String>> firings;
        private boolean unattributed;

        ByRequest(List<List<String>> firings, int n) {
            this.firings = firings;
            for (int i = 0; i < n; i++) {
                firings.add(new ArrayList<>());
            }
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            for (Object o : event.getMatch().getObjects()) {
                if (o instanceof RequestScoped s && s.rq() >= 0 && s.rq() < firings.size()) {
                    firings.get(s.rq()).add(event.getMatch().getRule().getName());
                    return;
                }
            }
            unattributed = true;
        }
    }

    /** Halts the session once the deadline has passed. */
    private static final class Budget extends DefaultAgendaEventListener {
        private final KieSession session;
        private final long deadline;
        private boolean expired;

        Budget(KieSession session, long deadline) {
            this.session = session;
            this.deadline = deadline;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (!expired && System.nanoTime() - deadline > 0) {
                expired = true;
                session.halt();
            }
        }
    }
}
