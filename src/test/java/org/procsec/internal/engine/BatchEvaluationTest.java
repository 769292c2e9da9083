package org.procsec.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.procsec.Requests;
import org.procsec.TestEngines;
import org.procsec.TestRules;
import org.procsec.api.PolicyEngine;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.Decision;
import org.procsec.model.Finding;
import org.procsec.model.PurchaseRequest;
import org.procsec.model.Sector;
import org.procsec.ruleset.RuleProblem;
import org.procsec.ruleset.RuleSource;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several requests in one session (issue 15.2): a chunk assesses every request exactly as it is
 * assessed alone, and a rule that would mix requests does not build.
 */
class BatchEvaluationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final List<org.kie.api.event.rule.AgendaEventListener> FRESH =
            List.of(new org.kie.api.event.rule.DefaultAgendaEventListener());

    static List<PurchaseRequest> generated(long seed, int lines) throws Exception {
        StringWriter w = new StringWriter();
        new PortfolioGenerator(seed, 0).write(lines, w);
        List<PurchaseRequest> out = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            out.add(RequestJson.parse(line, new ArrayList<>()));
        }
        return out;
    }

    @Test
    void aChunkAndAReusedSessionAssessEveryRequestExactlyAsAFreshSession_onThousandsOfGeneratedRequests() throws Exception {
        PolicyEngine engine = TestEngines.bundled();
        long fallbacks = EngineCore.of(engine).evaluator().fallbacks();
        List<PurchaseRequest> requests = generated(21, 3_000);
        Map<Decision, Integer> reached = new EnumMap<>(Decision.class);
        for (LocalDate asOf : new LocalDate[] {null, TODAY}) {
            List<Assessment> batch = engine.assessAll(requests, asOf);
            assertThat(batch).hasSize(requests.size());
            for (int i = 0; i < requests.size(); i++) {
                // Alone: in a fresh session of its own (a listener forces one), as before sessions were shared.
                Assessment alone = EngineCore.of(engine).assess(requests.get(i), asOf, FRESH);
                assertThat(batch.get(i)).as("request %d as of %s", i, asOf).isEqualTo(alone);
                // Inline: in a reused session, undone after each request.
                assertThat(engine.assess(requests.get(i), asOf)).as("request %d as of %s", i, asOf).isEqualTo(alone);
                reached.merge(alone.decision(), 1, Integer::sum);
            }
        }
        // The comparison means something only if the chunks were assessed as chunks, and the requests
        // reach every outcome.
        assertThat(EngineCore.of(engine).evaluator().fallbacks()).isEqualTo(fallbacks);
        assertThat(reached).containsKeys(Decision.values());
    }

    /** The rule ids fired for each request of {@code requests}, through a batch with a firing observer. */
    private static List<List<String>> firedInBatch(EngineCore core, List<PurchaseRequest> requests, LocalDate asOf) {
        List<java.util.Set<String>> fired = new ArrayList<>();
        requests.forEach(r -> fired.add(new java.util.LinkedHashSet<>()));
        core.assessAll(requests, java.util.Collections.nCopies(requests.size(), asOf), Evaluator.DEFAULT_CHUNK,
                (rule, i) -> fired.get(i).add(rule));
        return fired.stream().map(f -> (List<String>) new ArrayList<>(f)).toList();
    }

    private static List<String> firedAlone(EngineCore core, PurchaseRequest request, LocalDate asOf) {
        FiredRules fired = new FiredRules();
        core.assess(request, asOf, List.of(fired));
        return fired.ids();
    }

    @Test
    void theRulesThatFireForEachRequestOfAChunk_areThoseThatFireForItAlone_inTheSameOrder() throws Exception {
        // Rule coverage (procsec test) is counted from a batch: each firing must go to its own request.
        EngineCore core = EngineCore.of(TestEngines.bundled());
        List<PurchaseRequest> requests = generated(29, 600);
        long fallbacks = core.evaluator().fallbacks();
        List<List<String>> batch = firedInBatch(core, requests, TODAY);
        assertThat(core.evaluator().fallbacks()).isEqualTo(fallbacks);
        java.util.Set<String> all = new java.util.HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            List<String> alone = firedAlone(core, requests.get(i), TODAY);
            assertThat(batch.get(i)).as("request %d", i).isEqualTo(alone);
            all.addAll(alone);
        }
        assertThat(all).hasSizeGreaterThan(30);
    }

    @Test
    void firingsOfAChunkAssessedAgainOneByOne_areToldOnce(@TempDir Path tmp) throws Exception {
        Path rules = crashingRules(tmp);
        EngineCore core = EngineCore.of(PolicyEngine.builder().rules(RuleSource.directory(rules)).build());
        List<PurchaseRequest> requests = new ArrayList<>(generated(30, 20));
        requests.add(5, Requests.plain().withDepartment("CRASH"));
        long fallbacks = core.evaluator().fallbacks();
        List<List<String>> told = new ArrayList<>();
        requests.forEach(r -> told.add(new ArrayList<>()));
        core.assessAll(requests, java.util.Collections.nCopies(requests.size(), null), Evaluator.DEFAULT_CHUNK,
                (rule, i) -> told.get(i).add(rule));
        assertThat(core.evaluator().fallbacks()).isEqualTo(fallbacks + 1);
        for (int i = 0; i < requests.size(); i++) {
            // A list, not a set: a firing told twice would show as a repeat.
            List<String> alone = new ArrayList<>();
            core.assess(requests.get(i), null, List.of(new org.kie.api.event.rule.DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent e) {
                    alone.add(org.procsec.internal.facts.RuleSupport.ruleId(e.getMatch().getRule().getName()));
                }
            }));
            assertThat(told.get(i)).as("request %d", i).isEqualTo(alone);
        }
        assertThat(told).allSatisfy(t -> assertThat(t).isNotEmpty());
    }

    @Test
    void chunkSizesDoNotChangeAnything() throws Exception {
        PolicyEngine engine = TestEngines.bundled();
        EngineCore core = EngineCore.of(engine);
        List<PurchaseRequest> requests = generated(22, 400);
        long fallbacks = core.evaluator().fallbacks();
        List<Assessment> one = core.assessAll(requests, TODAY, 1);
        for (int chunk : new int[] {2, 7, 128, 400, 1_000}) {
            assertThat(core.assessAll(requests, TODAY, chunk)).as("chunk %d", chunk).isEqualTo(one);
        }
        assertThat(core.evaluator().fallbacks()).isEqualTo(fallbacks);
    }

    @Test
    void requestsWithDifferentDatesInOneChunk_areEachAssessedOnTheirOwnDate() throws Exception {
        PolicyEngine engine = TestEngines.bundled();
        EngineCore core = EngineCore.of(engine);
        List<PurchaseRequest> requests = generated(28, 300);
        LocalDate[] dates = {null, TODAY, LocalDate.of(2019, 1, 1), LocalDate.of(2024, 6, 30)};
        List<LocalDate> asOfs = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            asOfs.add(dates[i % dates.length]);
        }
        long fallbacks = core.evaluator().fallbacks();
        List<Assessment> batch = core.assessAll(requests, asOfs, 128);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(batch.get(i)).as("request %d as of %s", i, asOfs.get(i))
                    .isEqualTo(engine.assess(requests.get(i), asOfs.get(i)));
        }
        assertThat(core.evaluator().fallbacks()).isEqualTo(fallbacks);
    }

    @Test
    void theSameRequestManyTimesInOneChunk_isAssessedOnceForEach() throws Exception {
        // Equal requests give equal derived facts: without the request key, truth maintenance would
        // merge them across requests and a retraction in one would withdraw the other's.
        PolicyEngine engine = TestEngines.bundled();
        PurchaseRequest r = generated(23, 50).stream()
                .filter(x -> engine.assess(x).decision() == Decision.APPROVE_WITH_CONDITIONS).findFirst().orElseThrow();
        long fallbacks = EngineCore.of(engine).evaluator().fallbacks();
        List<Assessment> batch = engine.assessAll(java.util.Collections.nCopies(64, r), null);
        assertThat(batch).containsOnly(engine.assess(r));
        assertThat(EngineCore.of(engine).evaluator().fallbacks()).isEqualTo(fallbacks);
    }

    /** The bundled rules plus one that throws for the department CRASH. */
    private static Path crashingRules(Path tmp) throws Exception {
        Path rules = TestRules.bundledWith(tmp, "2-classification.drl",
                "\nrule \"SEC-2.5-crash a rule that throws for one department\"\nwhen\n"
                + "    Purchase(department == \"CRASH\")\nthen\n"
                + "    throw new IllegalStateException(\"boom\");\nend\n");
        return rules;
    }

    @Test
    void aRuleThatCrashesInAChunk_failsClosedForItsRequestOnly(@TempDir Path tmp) throws Exception {
        Path rules = crashingRules(tmp);
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        List<PurchaseRequest> requests = new ArrayList<>(generated(24, 20));
        requests.add(7, Requests.plain().withDepartment("CRASH"));
        List<Assessment> batch = engine.assessAll(requests, null);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(engine.assess(requests.get(i)));
        }
        assertThat(batch.get(7).decision()).isEqualTo(Decision.REFER);
        assertThat(batch.get(7).findings()).extracting(Finding::ruleId).contains(Evaluator.EVALUATION_ERROR);
    }

    @Test
    void aLoopingRequestInAChunk_hitsTheCapForItselfOnly(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.bundledWith(tmp, "2-classification.drl",
                "\nrule \"SEC-2.5-loop a rule that fires for ever for one department\"\nwhen\n"
                + "    $p : Purchase(department == \"LOOP\")\nthen\n"
                + "    update($p);\nend\n");
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).maxRuleFirings(2_000).build();
        List<PurchaseRequest> requests = new ArrayList<>(generated(25, 10));
        requests.add(3, Requests.plain().withDepartment("LOOP"));
        List<Assessment> batch = engine.assessAll(requests, null);
        assertThat(batch.get(3).findings()).extracting(Finding::ruleId).contains(Evaluator.FIRING_LIMIT);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(engine.assess(requests.get(i)));
        }
    }

    /**
     * The bundled rules plus a declared type that carries a sector from one request to any other;
     * the marker is deleted again, so that no fact of it is left when the session ends.
     */
    private static Path mixingRules(Path tmp) throws Exception {
        Path rules = TestRules.bundledWith(tmp, "2-classification.drl",
                "\ndeclare Marker\n    name : String\nend\n"
                + "\nrule \"SEC-2.5-mark a rule that derives a declared fact\"\nwhen\n"
                + "    Purchase(department == \"MARK\")\nthen\n"
                + "    insert(new Marker(\"x\"));\nend\n"
                + "\nrule \"SEC-2.5-marked a rule that matches it\"\nwhen\n"
                + "    Marker()\n    $s : SiteFact()\nthen\n"
                + "    insert(new SensitiveSector(Sector.SECURE_ZONE, \"2.5\"));\nend\n"
                + "\nrule \"SEC-2.5-unmark the marker goes once used\"\nsalience -1000\nwhen\n"
                + "    $m : Marker()\nthen\n"
                + "    delete($m);\nend\n");
        return rules;
    }

    @Test
    void aPatternOnATypeThatIsNeitherRequestNorReferenceData_keepsRequestsApart(@TempDir Path tmp) throws Exception {
        Path rules = mixingRules(tmp);
        CompiledRules compiled = RuleCompiler.compile(RuleSource.directory(rules));
        assertThat(compiled.batchable()).isFalse();
        assertThat(compiled.unbatchable()).hasSize(2).allSatisfy(p -> {
            assertThat(p.path()).isEqualTo("2-classification.drl");
            assertThat(p.line()).isGreaterThan(70);
            assertThat(p.message()).contains("Marker").contains("neither a request fact");
        });
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        List<PurchaseRequest> requests = new ArrayList<>(generated(26, 30));
        requests.add(0, Requests.plain().withDepartment("MARK"));
        List<Assessment> batch = engine.assessAll(requests, null);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(engine.assess(requests.get(i)));
        }
        List<List<String>> fired = firedInBatch(EngineCore.of(engine), requests, null);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(fired.get(i)).as("request %d", i).isEqualTo(firedAlone(EngineCore.of(engine), requests.get(i), null));
        }
        assertThat(fired.get(0)).contains("SEC-2.5-mark", "SEC-2.5-marked");
        // What the check prevents: in one session the first request's marker reaches the others' sites.
        List<Assessment> mixed = new Evaluator(PolicyEngine.DEFAULT_MAX_FIRINGS, PolicyEngine.DEFAULT_TIME_BUDGET)
                .evaluateChunked(compiled, requests, java.util.Collections.nCopies(requests.size(), null), 128);
        long leaked = java.util.stream.IntStream.range(1, requests.size())
                .filter(i -> mixed.get(i).sensitiveSectors().contains(Sector.SECURE_ZONE)
                        && !batch.get(i).sensitiveSectors().contains(Sector.SECURE_ZONE)).count();
        assertThat(leaked).isPositive();
    }

    @Test
    void aRuleOnReferenceDataAloneThatDerivesAFact_keepsRequestsApart(@TempDir Path tmp) throws Exception {
        // Such a fact would be derived once per session and seen by every request in it.
        Path rules = TestRules.bundledWith(tmp, "2-classification.drl",
                "\nrule \"SEC-2.5-everyone a sector derived from reference data alone\"\nwhen\n"
                + "    Parameters()\nthen\n"
                + "    insertLogical(new SensitiveSector(Sector.SECURE_ZONE, \"2.5\"));\nend\n");
        CompiledRules compiled = RuleCompiler.compile(RuleSource.directory(rules));
        assertThat(compiled.unbatchable()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("SEC-2.5-everyone").contains("reference data alone"));
        PolicyEngine engine = PolicyEngine.builder().rules(RuleSource.directory(rules)).build();
        List<PurchaseRequest> requests = generated(27, 30);
        List<Assessment> batch = engine.assessAll(requests, null);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(engine.assess(requests.get(i)));
            assertThat(batch.get(i).sensitiveSectors()).contains(Sector.SECURE_ZONE);
        }
    }

    @Test
    void theReservedKeyCannotBeWrittenByAuthors(@TempDir Path tmp) throws Exception {
        Path rules = TestRules.bundledWith(tmp, "2-classification.drl",
                "\nrule \"SEC-2.5-forge a rule that binds the request key itself\"\nwhen\n"
                + "    Purchase($__rq : rq)\n    SiteFact(rq != $__rq)\nthen\n"
                + "    insertLogical(new SensitiveSector(Sector.SECURE_ZONE, \"2.5\"));\nend\n");
        assertThat(PolicyEngine.validate(RuleSource.directory(rules)))
                .anySatisfy(p -> assertThat(p.message()).contains("$__rq is reserved"));
    }

    @Test
    void theBundledRulesBindEveryPatternToItsRequest() {
        // The bundled rules as compiled: each rule's request patterns carry the join.
        Map<String, String> drl = new java.util.TreeMap<>();
        RuleSource.bundled().files().forEach((path, bytes) -> {
            if (path.endsWith(".drl")) {
                drl.put(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        RequestScoping.Result scoped = RequestScoping.rewrite(drl);
        assertThat(scoped.problems()).isEmpty();
        String decision = scoped.drl().get("8-decision.drl");
        assertThat(decision).contains("not org.procsec.internal.facts.RequestFinding(outcome == Outcome.REJECT, rq == $__rq)");
        assertThat(decision).contains("when org.procsec.internal.facts.RequestKey($__rq : rq)");
        // Line numbers are the author's.
        drl.forEach((path, text) -> assertThat(scoped.drl().get(path).lines().count()).as(path)
                .isEqualTo(text.lines().count()));
    }
}
