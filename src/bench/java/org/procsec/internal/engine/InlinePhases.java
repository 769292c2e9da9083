package org.procsec.internal.engine;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.procsec.api.PolicyEngine;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.io.RequestJson;
import org.procsec.model.PurchaseRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where an inline assessment's time goes, phase by phase: the steps {@link Evaluator#evaluate}
 * takes in a reused session (build the facts, insert them, fire, collect the results and
 * assemble the assessment, delete the facts, let truth maintenance settle), timed with {@code System.nanoTime} around each, on the generated mix
 * (seed 1, 10,000 requests, as of 2026-11-22), one thread, no listener. Not a JMH
 * benchmark: JMH cannot time parts of one call. Prints one line per round of 10,000 requests;
 * read the last rounds (the JIT settles after about five). The first argument is the number of
 * rounds; a second, a request file, times that one request 10,000 times instead of the mix.
 *
 * <pre>mvn -B -Pbench -DskipTests test-compile exec:exec -Dbench.main=org.procsec.internal.engine.InlinePhases -Dbench.args=12
 * mvn -B -Pbench -DskipTests test-compile exec:exec -Dbench.main=org.procsec.internal.engine.InlinePhases "-Dbench.args=12 examples/esdc-office-chairs.json"</pre>
 */
public final class InlinePhases {
    private InlinePhases() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        CompiledRules rules = EngineCore.of(PolicyEngine.builder().build()).rules();
        int n = 10_000;
        PurchaseRequest[] requests = new PurchaseRequest[n];
        PortfolioGenerator generator = new PortfolioGenerator(1, 0);
        PurchaseRequest one = args.length > 1 ? RequestJson.parse(java.nio.file.Files.readString(java.nio.file.Path.of(args[1]))) : null;
        for (int i = 0; i < n; i++) {
            requests[i] = one != null ? one : RequestJson.parse(generator.next(i));
        }
        LocalDate asOf = LocalDate.of(2026, 11, 22);
        KieSession session = rules.kieBase().newKieSession();
        for (Object fact : rules.referenceData().facts()) {
            session.insert(fact);
        }
        session.fireAllRules();
        long idle = session.getFactCount();
        org.procsec.model.PolicyInfo policy = new org.procsec.model.PolicyInfo(rules.edition(), asOf, rules.fingerprint());
        System.out.println("per request, microseconds (mean of each phase; median and p99 of the whole); "
                + idle + " reference facts in the session");
        for (int round = 1; round <= rounds; round++) {
            long facts = 0, insert = 0, fire = 0, collect = 0, assemble = 0, delete = 0, settle = 0, firings = 0;
            long[] whole = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                List<Object> built = FactBuilder.facts(requests[i], asOf, rules.referenceData());
                long t1 = System.nanoTime();
                List<FactHandle> handles = new ArrayList<>(built.size());
                for (Object fact : built) {
                    handles.add(session.insert(fact));
                }
                long t2 = System.nanoTime();
                firings += session.fireAllRules(10_000);
                long t2b = System.nanoTime();
                List<Object> results = new ArrayList<>();
                Evaluator.collectResults(session, results);
                long t2c = System.nanoTime();
                sink ^= Evaluator.assemble(requests[i].id(), policy, results, List.of(), true).hashCode();
                long t3 = System.nanoTime();
                for (FactHandle h : handles) {
                    session.delete(h);
                }
                long t4 = System.nanoTime();
                session.fireAllRules(10_000);
                long t5 = System.nanoTime();
                if (session.getFactCount() != idle) {
                    throw new IllegalStateException("request " + i + " left facts behind");
                }
                facts += t1 - t0;
                insert += t2 - t1;
                fire += t2b - t2;
                collect += t2c - t2b;
                assemble += t3 - t2c;
                delete += t4 - t3;
                settle += t5 - t4;
                whole[i] = t5 - t0;
            }
            Arrays.sort(whole);
            System.out.printf("round %2d: facts %5.1f  insert %5.1f  fire %5.1f  collect %4.1f  assemble %4.1f  delete %5.1f  settle %5.1f"
                            + "  | whole median %5.1f  p99 %6.1f  | firings %.1f%n",
                    round, facts / 1e3 / n, insert / 1e3 / n, fire / 1e3 / n, collect / 1e3 / n, assemble / 1e3 / n, delete / 1e3 / n,
                    settle / 1e3 / n,
                    whole[n / 2] / 1e3, whole[n * 99 / 100] / 1e3, firings / (double) n);
        }
        session.dispose();
        if (sink == 42) {
            System.out.println();
        }
    }

    private static int sink;
}
