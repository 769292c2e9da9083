package org.procsec.ruleset;

import java.util.Objects;

/**
 * A problem in a rule set: a DRL compile error, malformed reference data or a policy-shape
 * problem. Printed as {@code path:line:col: message}, with the path relative to the rule directory.
 *
 * @param path    file path relative to the rule directory, e.g. {@code clearance.drl}
 * @param line    1-based line, 0 when the problem concerns the whole file
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong, and what was expected
 */
public record RuleProblem(String path, int line, int column, String message) {
    public RuleProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column + ": " + message;
    }
}
