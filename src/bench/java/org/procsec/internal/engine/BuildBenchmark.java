package org.procsec.internal.engine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleSource;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Building the engine (warm JVM, no cache): from the bundled DRL, and from the form precompiled
 * at build time (executable model). Reference data, rule list and shape checks included in both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildBenchmark {
    RuleSource bundled;
    RuleSource drlOnly;

    @Setup
    public void setUp() {
        bundled = RuleSource.bundled();
        if (!PrecompiledRules.matches(bundled.fingerprint())) {
            throw new IllegalStateException("no precompiled rules for the bundled rules: run mvn process-classes");
        }
        // The same rules with one empty file more: another fingerprint, so nothing precompiled applies.
        TreeMap<String, byte[]> files = new TreeMap<>(bundled.files());
        files.put("9-empty.drl", "package org.procsec.rules;\n".getBytes(StandardCharsets.UTF_8));
        drlOnly = RuleSource.of("bench", files);
    }

    @Benchmark
    public CompiledRules buildFromDrl() throws RuleBuildException {
        return RuleCompiler.build(drlOnly);
    }

    @Benchmark
    public CompiledRules buildFromPrecompiled() throws RuleBuildException {
        return RuleCompiler.build(bundled);
    }
}
