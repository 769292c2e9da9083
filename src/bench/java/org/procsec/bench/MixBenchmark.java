package org.procsec.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.procsec.api.PolicyEngine;
import org.procsec.internal.refdata.BundledReference;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * Per-request latency on the generated mix (PortfolioGenerator seed 1, 10,000 requests, parsed
 * beforehand, as of 2026-11-22), one thread, no JSON: the engine against the policy written out by
 * hand (PlainJavaFloor). SampleTime gives the median and p99.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MixBenchmark {
    static final int REQUESTS = 10_000;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    PolicyEngine engine;
    PlainJavaFloor floor;
    PurchaseRequest[] requests;
    int next;

    @Setup
    public void setUp() throws Exception {
        engine = PolicyEngine.builder().build();
        floor = new PlainJavaFloor(BundledReference.data());
        PortfolioGenerator generator = new PortfolioGenerator(1, 0);
        requests = new PurchaseRequest[REQUESTS];
        for (int n = 0; n < REQUESTS; n++) {
            requests[n] = RequestJson.parse(generator.next(n));
        }
    }

    private PurchaseRequest nextRequest() {
        PurchaseRequest r = requests[next];
        next = next + 1 == REQUESTS ? 0 : next + 1;
        return r;
    }

    @Benchmark
    public Assessment engineGeneratedMix() {
        return engine.assess(nextRequest(), AS_OF);
    }

    /** Requests per {@link #engineGeneratedMixBatch} call: the chunk {@code assessAll} puts in one session. */
    static final int BATCH = org.procsec.internal.engine.Evaluator.DEFAULT_CHUNK;

    /** The same requests through {@code assessAll}, {@value #BATCH} per session; the mean per request. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @org.openjdk.jmh.annotations.OperationsPerInvocation(BATCH)
    public java.util.List<Assessment> engineGeneratedMixBatch() {
        int from = next;
        next = from + BATCH >= REQUESTS ? 0 : from + BATCH;
        return engine.assessAll(java.util.Arrays.asList(requests).subList(from, Math.min(REQUESTS, from + BATCH)), AS_OF);
    }

    @Benchmark
    public PlainJavaFloor.Outcome plainJavaGeneratedMix() {
        return floor.assess(nextRequest(), AS_OF);
    }
}
