package org.procsec.testkit;

import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleBuildException;
import org.procsec.ruleset.RuleInfo;
import org.procsec.model.Finding;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * JUnit 5 kit: turns a directory of scenario files into dynamic tests, one per file, named after the
 * scenario and its file ({@code name [file]}) and linked to the file (its test source URI), so that
 * an IDE opens the scenario from the test. For a procurement system or a policy repository that runs
 * its scenarios under {@code mvn test}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> policyScenarios() {
 *     return ProcsecScenarios.in(Path.of("src/test/resources/scenarios"))
 *             .requireCoverage(100)          // optional: one more test, failing below 100 % rule coverage
 *             .dynamicTests();
 * }
 * }</pre>
 *
 * A failing scenario throws an opentest4j {@link AssertionFailedError} whose message lists each differing
 * field and the findings, and whose expected and actual values are the compared fields as JSON (see
 * {@link ScenarioCheck#expected} and {@link ScenarioCheck#actual}), which IDEs show as a diff. A file that
 * is not a valid scenario is one failed test with its error; the others still run.
 *
 * <p>Under Maven, use maven-surefire-plugin 3.5.4 or later: 3.5.3 neither counts nor fails dynamic tests
 * whose source is a file (SUREFIRE-2299), so a failing scenario would pass the build unseen. 3.5.4 lists
 * them by their display names.
 * Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path.
 */
public final class ProcsecScenarios {
    private final Path dir;
    private PolicyEngine engine;
    private Double coverageMin;

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

    /**
     * Adds a last test, {@code rule coverage >= PCT%}, that fails when the scenarios fire less than
     * {@code percent} of the rules, naming the rules none fired. {@code percent} is 0 to 100.
     */
    public ProcsecScenarios requireCoverage(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("coverage: expected a percentage from 0 to 100, got " + percent);
        }
        this.coverageMin = percent;
        return this;
    }

    /** The display name of a scenario's test: {@code name [file]}. */
    public static String displayName(Scenario.Loaded f) {
        return f.broken() ? f.file() + " [" + f.file() + "]" : f.scenario().name() + " [" + f.file() + "]";
    }

    /** One dynamic test per scenario file, in file order (then the coverage test, when asked for). */
    public Stream<DynamicTest> dynamicTests() {
        PolicyEngine e = engine != null ? engine : bundled();
        List<Scenario.Loaded> files;
        try {
            files = Scenario.loadEach(dir);
        } catch (IOException ex) {
            return Stream.of(DynamicTest.dynamicTest("scenarios [" + dir + "]", () -> {
                throw new AssertionFailedError("reading scenarios under " + dir + ": " + ex);
            }));
        }
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("scenarios [" + dir + "]", () -> {
                throw new AssertionFailedError("no scenario files (*.json) under " + dir);
            }));
        }
        Set<String> fired = ConcurrentHashMap.newKeySet();
        Stream<DynamicTest> tests = files.stream().map(f -> DynamicTest.dynamicTest(displayName(f), uri(f), () -> {
            if (f.broken()) {
                throw new AssertionFailedError(f.file() + ": " + f.error());
            }
            ScenarioResult r = ScenarioCheck.run(e, f.scenario());
            fired.addAll(r.firedRules());
            if (!r.passed()) {
                throw new AssertionFailedError(describe(r), ScenarioCheck.expected(f.scenario()),
                        ScenarioCheck.actual(r));
            }
        }));
        if (coverageMin == null) {
            return tests;
        }
        double min = coverageMin;
        DynamicTest coverage = DynamicTest.dynamicTest(String.format(Locale.ROOT, "rule coverage >= %s%% [%s]",
                strip(min), dir), () -> {
            SuiteReport report = new SuiteReport(List.of(), e.rules(), fired);
            if (report.coveragePercent() + 1e-9 < min) {
                throw new AssertionFailedError(String.format(Locale.ROOT,
                        "rule coverage %.1f%% is below %s%%; rules no scenario fired: %s", report.coveragePercent(),
                        strip(min), report.unfiredRules().stream().map(RuleInfo::id).collect(Collectors.joining(", "))),
                        strip(min) + "%", String.format(Locale.ROOT, "%.1f%%", report.coveragePercent()));
            }
        });
        return Stream.concat(tests, Stream.of(coverage));
    }

    private static String strip(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static URI uri(Scenario.Loaded f) {
        return f.path() == null ? null : f.path().toAbsolutePath().normalize().toUri();
    }

    /** The failure text: the differing fields, then the findings (or the input error). */
    public static String describe(ScenarioResult r) {
        StringBuilder b = new StringBuilder(r.file()).append(": ").append(r.name());
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
