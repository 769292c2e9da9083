package org.procsec.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.procsec.api.PolicyEngine;
import org.procsec.api.RuleBuildException;
import org.procsec.model.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * JUnit 5 kit: turns a directory of scenario files into dynamic tests, one per scenario, named
 * after it. For a procurement system or a policy repository that runs its scenarios under
 * {@code mvn test}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> policyScenarios() {
 *     return ProcsecScenarios.in(Path.of("src/test/resources/scenarios")).dynamicTests();
 * }
 * }</pre>
 *
 * A failing scenario reports each differing field as expected against actual, and the findings.
 * Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path.
 */
public final class ProcsecScenarios {
    private final Path dir;
    private PolicyEngine engine;

    private ProcsecScenarios(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** Scenarios under {@code dir} (all {@code *.json} files, recursively). */
    public static ProcsecScenarios in(Path dir) {
        return new ProcsecScenarios(dir);
    }

    /** The engine to run them on; default: the bundled rules. */
    public ProcsecScenarios withEngine(PolicyEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        return this;
    }

    /** One dynamic test per scenario, in file order. */
    public Stream<DynamicTest> dynamicTests() {
        PolicyEngine e = engine != null ? engine : bundled();
        try {
            return Scenario.loadAll(dir).stream().map(s -> DynamicTest.dynamicTest(s.file() + ": " + s.name(), () -> {
                ScenarioResult r = ScenarioCheck.run(e, s);
                if (!r.passed()) {
                    throw new AssertionFailedError(describe(r));
                }
            }));
        } catch (IOException ex) {
            throw new UncheckedIOException("reading scenarios under " + dir, ex);
        }
    }

    /** The failure text: the differing fields, then the findings (or the input error). */
    public static String describe(ScenarioResult r) {
        StringBuilder b = new StringBuilder(r.scenario().file()).append(": ").append(r.scenario().name());
        r.differences().forEach(d -> b.append("\n  ").append(d));
        if (r.assessment() != null) {
            b.append("\n  findings:");
            if (r.assessment().findings().isEmpty()) {
                b.append(" (none)");
            }
            for (Finding f : r.assessment().findings()) {
                b.append("\n    ").append(f.ruleId()).append(" (").append(f.clause()).append(") ")
                        .append(f.outcome()).append(": ").append(f.message());
            }
        } else if (r.inputError() != null) {
            b.append("\n  input error: ").append(r.inputError().lines().collect(Collectors.joining("; ")));
        }
        return b.toString();
    }

    private static PolicyEngine bundled() {
        try {
            return PolicyEngine.builder().build();
        } catch (RuleBuildException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }
}
