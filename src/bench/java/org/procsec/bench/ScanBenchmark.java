package org.procsec.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.procsec.api.PolicyEngine;
import org.procsec.internal.scan.PortfolioGenerator;
import org.procsec.internal.scan.PortfolioScanner;
import org.procsec.internal.scan.ScanSummary;

import java.io.StringWriter;
import java.io.Writer;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/** Scan throughput (JSON in and out included) on a generated portfolio: requests per second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScanBenchmark {
    static final int LINES = 10_000;

    @Param({"1", "2"})
    int threads;

    PolicyEngine engine;
    String portfolio;

    @Setup
    public void setUp() throws Exception {
        engine = PolicyEngine.builder().build();
        StringWriter w = new StringWriter();
        new PortfolioGenerator(1, 0).write(LINES, w);
        portfolio = w.toString();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public ScanSummary scan() {
        return new PortfolioScanner(engine, LocalDate.of(2026, 11, 22), threads, null)
                .scan(new java.io.ByteArrayInputStream(portfolio.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        Writer.nullWriter());
    }
}
