package org.procsec.internal.refdata;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.procsec.api.PolicyEngine;

import java.util.concurrent.TimeUnit;

/**
 * The cost of screening one vendor name (POLICY 1.5): normalising it and finding its matches and
 * possible matches against the bundled lists. {@code firstTime} screens a name never seen before
 * (a distinct suffix each call, so the memo never answers); {@code seenBefore} a name the memo
 * holds, as on every later line of a portfolio that repeats its vendors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NameScreeningBenchmark {
    @Param({"Maple Detection Systems Inc.", "Hangzhou Hikvision Digital Technology Co., Ltd.", "Hik Vision (Canada) Inc."})
    String name;

    VendorDirectory directory;
    long counter;

    @Setup
    public void setUp() throws Exception {
        directory = org.procsec.internal.engine.EngineCore.of(PolicyEngine.builder().build()).rules().referenceData().directory();
    }

    @Benchmark
    public VendorDirectory.Screening firstTime() {
        return directory.screen(name + " " + (counter++ % 1_000_000));
    }

    @Benchmark
    public VendorDirectory.Screening seenBefore() {
        return directory.screen(name);
    }
}
