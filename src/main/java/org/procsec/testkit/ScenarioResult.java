package org.procsec.testkit;

import org.procsec.model.Assessment;

import java.util.List;

/**
 * The outcome of one scenario.
 *
 * @param scenario    the scenario
 * @param differences each field that differs, as {@code field: expected X, got Y}; empty when it passed
 * @param assessment  the assessment, or null when the request was not valid input
 * @param inputError  the input error message, or null
 * @param firedRules  ids of the rules that fired, in firing order (repeats removed)
 */
public record ScenarioResult(Scenario scenario, List<String> differences, Assessment assessment,
                             String inputError, List<String> firedRules) {
    public ScenarioResult {
        differences = List.copyOf(differences);
        firedRules = List.copyOf(firedRules);
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
