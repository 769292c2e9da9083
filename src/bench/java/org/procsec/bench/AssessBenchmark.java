package org.procsec.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleSource;
import org.procsec.io.RequestJson;
import org.procsec.model.Assessment;
import org.procsec.model.PurchaseRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Single-assessment latency, warm, one thread (SampleTime gives the median and p99). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AssessBenchmark {
    private static final PlainJavaFloor FLOOR = new PlainJavaFloor(org.procsec.internal.refdata.BundledReference.data());
    /**
     * How the engine was built: {@code precompiled} (the default for the bundled rules: the
     * executable model made at build time) or {@code drl} (the same rules compiled from DRL at
     * run time, as for rules given with --rules; one empty file more defeats the precompiled form).
     */
    @Param({"precompiled", "drl"})
    String build;

    PolicyEngine engine;
    PurchaseRequest office;
    PurchaseRequest gac;

    @Setup
    public void setUp() throws Exception {
        RuleSource rules = RuleSource.bundled();
        if (build.equals("drl")) {
            java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>(rules.files());
            files.put("9-empty.drl", "package org.procsec.rules;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            rules = RuleSource.of("bundled, from DRL", files);
        }
        engine = PolicyEngine.builder().rules(rules).build();
        office = RequestJson.parse(Files.readString(Path.of("examples/esdc-office-chairs.json")));
        gac = RequestJson.parse(Files.readString(Path.of("examples/gac-nuctech-standing-offer.json")));
    }

    @Benchmark
    public Assessment assessOfficePurchase() {
        return engine.assess(office);
    }

    @Benchmark
    public Assessment assessGacStandingOffer() {
        return engine.assess(gac);
    }

    /** The floor: a hand-written evaluation of a few of the same clauses, no rule engine. */
    @Benchmark
    public Object plainJavaFloorGac() {
        return FLOOR.assess(gac, null);
    }

    @Benchmark
    public Object plainJavaFloorOffice() {
        return FLOOR.assess(office, null);
    }
}
