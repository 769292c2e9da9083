package org.procsec.review;

import java.util.Objects;

/**
 * An entry of a corpus that could not be read.
 *
 * @param source  file name, or {@code file:line} for JSON lines
 * @param path    JSON path of the problem, empty for the whole entry
 * @param message what is wrong
 */
public record CorpusError(String source, String path, String message) {
    public CorpusError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
