package org.procsec.review;

import org.procsec.model.PurchaseRequest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One request of a corpus.
 *
 * @param source  where it came from: a file name relative to the corpus, or {@code file:line} for JSON lines
 * @param request the request
 * @param asOf    the scenario's as-of date, or null (award date)
 */
public record CorpusEntry(String source, PurchaseRequest request, LocalDate asOf) {
    public CorpusEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(request, "request");
    }
}
