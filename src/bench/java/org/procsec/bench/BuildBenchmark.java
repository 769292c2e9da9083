package org.procsec.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.procsec.api.RuleBuildException;
import org.procsec.api.RuleSource;
import org.procsec.engine.CompiledRules;
import org.procsec.engine.RuleCompiler;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Building the engine from the bundled DRL (each build made distinct so the fingerprint cache cannot answer). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildBenchmark {
    private int n;

    @Benchmark
    public CompiledRules buildFromDrl() throws RuleBuildException {
        TreeMap<String, byte[]> files = new TreeMap<>(RuleSource.bundled().files());
        files.put("zz-bench-" + (n++) + ".drl", "package rules;\n".getBytes(StandardCharsets.UTF_8));
        return RuleCompiler.compile(RuleSource.of("bench", files));
    }
}
