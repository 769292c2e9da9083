package org.procsec.testkit;

import org.procsec.model.Assessment;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one scenario, or of a scenario file that could not be read.
 *
 * @param file        the scenario's file (relative to its directory)
 * @param name        the scenario's name (the file when it could not be read)
 * @param scenario    the scenario, or null when its file could not be read
 * @param differences each check that failed, as {@code field: expected X, got Y} (for a broken file: what is
 *                    wrong with it); empty when it passed
 * @param assessment  the assessment, or null when the request was not valid input (or the file not read)
 * @param inputError  the input error message, or null
 * @param firedRules  ids of the rules that fired, in firing order (repeats removed)
 * @param nanos       how long the scenario took to run, in nanoseconds (0 for a broken file)
 */
public record ScenarioResult(String file, String name, Scenario scenario, List<String> differences,
                             Assessment assessment, String inputError, List<String> firedRules, long nanos) {
    public ScenarioResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        differences = List.copyOf(differences);
        firedRules = List.copyOf(firedRules);
        if (scenario == null && differences.isEmpty()) {
            throw new IllegalArgumentException("a result without a scenario is a broken file and has its error");
        }
    }

    /** The result of running {@code scenario}, without a timing. */
    public ScenarioResult(Scenario scenario, List<String> differences, Assessment assessment, String inputError,
                          List<String> firedRules) {
        this(scenario.file(), scenario.name(), scenario, differences, assessment, inputError, firedRules, 0);
    }

    /** A scenario file that could not be read: a failed result carrying the reason. */
    public static ScenarioResult broken(Scenario.Loaded file) {
        return new ScenarioResult(file.file(), file.file(), null, List.of("scenario file: " + file.error()), null,
                null, List.of(), 0);
    }

    /** The same result with its run time. */
    public ScenarioResult withNanos(long nanos) {
        return new ScenarioResult(file, name, scenario, differences, assessment, inputError, firedRules, nanos);
    }

    public boolean passed() {
        return differences.isEmpty();
    }

    /** True when the scenario's file could not be read. */
    public boolean broken() {
        return scenario == null;
    }
}
