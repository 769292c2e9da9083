package org.procsec.model;

import java.util.Objects;

/**
 * One problem with a request: the JSON path of the value and what was expected.
 * Printed as {@code items[0].category: unknown value "XRAY" (expected one of ...)}.
 *
 * @param path    JSON path, e.g. {@code items[0].category}; empty for the whole document
 * @param message what is wrong
 */
public record InputProblem(String path, String message) {
    public InputProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
