package org.procsec.review;

import java.util.List;
import java.util.SortedMap;

/**
 * What changed when a corpus is assessed under two rule sets.
 *
 * @param base            the base rule set's description
 * @param baseEdition     its policy edition
 * @param baseFingerprint its fingerprint
 * @param head            the head rule set's description
 * @param headEdition     its policy edition
 * @param headFingerprint its fingerprint
 * @param asOf            the date both sides were assessed at, or null (each request's scenario date or award date)
 * @param assessed        number of requests assessed
 * @param unchanged       number of requests whose assessment did not change
 * @param changes         the changed requests, by source then id
 * @param errors          corpus entries that could not be read
 * @param transitions     number of changed requests per transition ({@link RequestChange#transition()})
 * @param rulesAdded      per rule id ({@code ruleId (clause)}), the number of requests gaining one of its findings
 * @param rulesRemoved    per rule id ({@code ruleId (clause)}), the number of requests losing one of its findings
 */
public record DiffReport(String base, String baseEdition, String baseFingerprint,
                         String head, String headEdition, String headFingerprint,
                         java.time.LocalDate asOf, int assessed, int unchanged,
                         List<RequestChange> changes, List<CorpusError> errors,
                         SortedMap<String, Integer> transitions,
                         SortedMap<String, Integer> rulesAdded, SortedMap<String, Integer> rulesRemoved) {
    public DiffReport {
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
        transitions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(transitions));
        rulesAdded = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rulesAdded));
        rulesRemoved = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rulesRemoved));
    }

    /** True when any request changed. */
    public boolean changed() {
        return !changes.isEmpty();
    }
}
