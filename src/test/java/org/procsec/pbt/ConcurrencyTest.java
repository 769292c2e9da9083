package org.procsec.pbt;

import net.jqwik.api.Example;
import org.procsec.TestEngines;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleSource;
import org.procsec.io.AssessmentJson;
import org.procsec.model.PurchaseRequest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One engine shared by {@value #THREADS} threads gives exactly the sequential results, and a reload
 * in the middle of a run leaves every assessment consistent with one rule set, the one its
 * {@code policy.fingerprint} names. Requests are generated with a fixed seed: {@code
 * -Dprocsec.concurrency.requests=N} changes how many (default {@value #DEFAULT_REQUESTS}).
 * A jqwik container, so that the generators run in jqwik's context.
 */
class ConcurrencyTest {
    static final int THREADS = 8;
    static final int DEFAULT_REQUESTS = 10_000;
    /** The reload run assesses the first this-many requests (it also needs sequential results under B). */
    static final int DEFAULT_RELOAD_REQUESTS = 4_000;
    private static final long SEED = 20_261_122L;

    /** A request and the as-of date it is assessed at (null: its award date). */
    record Case(PurchaseRequest request, LocalDate asOf) {
    }

    private static List<Case> cases;
    private static List<String> sequential; // under the bundled rules, on one thread

    private static synchronized void prepare() {
        if (cases != null) {
            return;
        }
        int n = Integer.getInteger("procsec.concurrency.requests", DEFAULT_REQUESTS);
        Random random = new Random(SEED);
        var requests = RequestArbitraries.requestRecords().generator(1000);
        var dates = RequestArbitraries.asOfDates().generator(1000);
        List<Case> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Case(requests.next(random).value(), dates.next(random).value()));
        }
        PolicyEngine engine = TestEngines.bundled();
        List<String> out = new ArrayList<>(n);
        for (Case c : list) {
            out.add(AssessmentJson.write(engine.assess(c.request(), c.asOf())));
        }
        cases = List.copyOf(list);
        sequential = List.copyOf(out);
    }

    @Example
    void eightThreadsSharingOneEngine_giveExactlyTheSequentialResults() throws Exception {
        prepare();
        PolicyEngine engine = TestEngines.bundled();
        String[] results = new String[cases.size()];
        AtomicInteger next = new AtomicInteger();
        runWorkers(() -> {
            for (int i = next.getAndIncrement(); i < cases.size(); i = next.getAndIncrement()) {
                Case c = cases.get(i);
                results[i] = AssessmentJson.write(engine.assess(c.request(), c.asOf()));
            }
            return null;
        });

        assertThat(results).hasSize(sequential.size());
        for (int i = 0; i < results.length; i++) {
            assertThat(results[i]).as("request %d (of %d) assessed on %d threads", i, results.length, THREADS)
                    .isEqualTo(sequential.get(i));
        }
    }

    @Example
    void reloadDuringARun_everyAssessmentMatchesTheRuleSetItsFingerprintNames() throws Exception {
        prepare();
        int n = Math.min(cases.size(),
                Integer.getInteger("procsec.concurrency.reloadRequests", DEFAULT_RELOAD_REQUESTS));
        RuleSource a = RuleSource.bundled();
        RuleSource b = withExtraDepartment(a, "CRA");
        PolicyEngine engine = PolicyEngine.builder().rules(a).build();
        assertThat(engine.fingerprint()).isEqualTo(TestEngines.bundled().fingerprint());

        String[] results = new String[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch reloaded = new CountDownLatch(1);
        ExecutorService reloader = Executors.newSingleThreadExecutor();
        Future<?> reload = reloader.submit(() -> {
            while (done.get() < n / 8) {
                Thread.sleep(1);
            }
            engine.reload(b); // while the workers are assessing
            reloaded.countDown();
            return null;
        });
        runWorkers(() -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                if (i >= n / 2 && !reloaded.await(60, TimeUnit.SECONDS)) { // the second half after the reload
                    throw new IllegalStateException("the reload did not finish within 60 s");
                }
                Case c = cases.get(i);
                results[i] = AssessmentJson.write(engine.assess(c.request(), c.asOf()));
                done.incrementAndGet();
            }
            return null;
        });
        reload.get(60, TimeUnit.SECONDS);
        reloader.shutdown();

        // Sequential results under B, for the assessments that name B.
        PolicyEngine underB = PolicyEngine.builder().rules(b).build();
        String fingerprintA = "\"fingerprint\" : \"" + a.fingerprint() + "\"";
        String fingerprintB = "\"fingerprint\" : \"" + b.fingerprint() + "\"";
        int namedA = 0;
        int namedB = 0;
        int differ = 0;
        for (int i = 0; i < n; i++) {
            Case c = cases.get(i);
            if (results[i].contains(fingerprintA)) {
                namedA++;
                assertThat(i).as("request %d was assessed after the reload finished", i).isLessThan(n / 2);
                assertThat(results[i]).as("request %d under rules A", i).isEqualTo(sequential.get(i));
            } else {
                assertThat(results[i]).as("request %d names neither rule set", i).contains(fingerprintB);
                namedB++;
                String expected = AssessmentJson.write(underB.assess(c.request(), c.asOf()));
                assertThat(results[i]).as("request %d under rules B", i).isEqualTo(expected);
                if (!stripFingerprint(expected).equals(stripFingerprint(sequential.get(i)))) {
                    differ++;
                }
            }
        }
        assertThat(namedA).as("assessments under the rules before the reload").isPositive();
        assertThat(namedB).as("assessments under the rules after the reload").isGreaterThanOrEqualTo(n - n / 2);
        // The two rule sets really disagree on some of these requests, so a mix-up would show.
        assertThat(differ).as("requests whose assessment differs under B beyond the fingerprint").isPositive();
    }

    private static String stripFingerprint(String json) {
        return json.replaceAll("\"fingerprint\" : \"[^\"]*\"", "");
    }

    /** The rule set {@code source} with one more security and enforcement department (2.3). */
    static RuleSource withExtraDepartment(RuleSource source, String code) {
        Map<String, byte[]> files = new HashMap<>(source.files());
        String path = "reference/security-departments.json";
        String text = new String(files.get(path), StandardCharsets.UTF_8);
        String changed = text.replace("{ \"code\": \"CSC\" }", "{ \"code\": \"CSC\" }, { \"code\": \"" + code + "\" }");
        assertThat(changed).as("edited %s", path).isNotEqualTo(text);
        files.put(path, changed.getBytes(StandardCharsets.UTF_8));
        return RuleSource.of(source.description() + " + " + code, files);
    }

    private static void runWorkers(Callable<Void> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<Void> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
