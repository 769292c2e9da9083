package org.procsec.internal.engine;

import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.procsec.api.PolicyEngine;
import org.procsec.io.RequestJson;
import org.procsec.model.PurchaseRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The alternative not taken: a {@link StatelessKieSession} per assessment, given the reference
 * facts and the request's facts in one {@code execute} (results not even read). Compare with
 * {@code AssessBenchmark}, which reuses idle stateful sessions holding the reference data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatelessSessionBenchmark {
    CompiledRules rules;
    StatelessKieSession session;
    PurchaseRequest office;
    PurchaseRequest gac;

    @Setup
    public void setUp() throws Exception {
        rules = org.procsec.internal.engine.EngineCore.of(PolicyEngine.builder().build()).rules();
        session = rules.kieBase().newStatelessKieSession();
        office = RequestJson.parse(Files.readString(Path.of("examples/esdc-office-chairs.json")));
        gac = RequestJson.parse(Files.readString(Path.of("examples/gac-nuctech-standing-offer.json")));
    }

    private Object run(PurchaseRequest request) {
        List<Object> facts = new ArrayList<>(rules.referenceData().facts());
        facts.addAll(FactBuilder.facts(request, null, rules.referenceData()));
        session.execute(facts);
        return facts;
    }

    @Benchmark
    public Object statelessOffice() {
        return run(office);
    }

    @Benchmark
    public Object statelessGac() {
        return run(gac);
    }
}
