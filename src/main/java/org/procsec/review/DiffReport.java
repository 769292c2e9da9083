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
 * @param unchangedRequests the requests whose assessment did not change, as {@code id (source)}, by source then id
 * @param ruleFiles       the rule files that differ between base and head (empty when not compared)
 * @param clauseTitles    the title of each clause a responsible rule cites (head's clause index, else base's)
 */
public record DiffReport(String base, String baseEdition, String baseFingerprint,
                         String head, String headEdition, String headFingerprint,
                         java.time.LocalDate asOf, int assessed, int unchanged,
                         List<RequestChange> changes, List<CorpusError> errors,
                         SortedMap<String, Integer> transitions,
                         SortedMap<String, Integer> rulesAdded, SortedMap<String, Integer> rulesRemoved,
                         List<String> unchangedRequests, List<RuleFileChange> ruleFiles,
                         SortedMap<String, String> clauseTitles) {
    /** A report without the unchanged requests' names and the rule file changes. */
    public DiffReport(String base, String baseEdition, String baseFingerprint,
                      String head, String headEdition, String headFingerprint,
                      java.time.LocalDate asOf, int assessed, int unchanged,
                      List<RequestChange> changes, List<CorpusError> errors,
                      SortedMap<String, Integer> transitions,
                      SortedMap<String, Integer> rulesAdded, SortedMap<String, Integer> rulesRemoved) {
        this(base, baseEdition, baseFingerprint, head, headEdition, headFingerprint, asOf, assessed, unchanged, changes,
                errors, transitions, rulesAdded, rulesRemoved, List.of(), List.of(), new java.util.TreeMap<>());
    }

    public DiffReport {
        unchangedRequests = List.copyOf(unchangedRequests);
        ruleFiles = List.copyOf(ruleFiles);
        clauseTitles = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(clauseTitles));
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
        transitions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(transitions));
        rulesAdded = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rulesAdded));
        rulesRemoved = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rulesRemoved));
    }

    /** The same report with the rule files that differ between base and head. */
    public DiffReport withRuleFiles(List<RuleFileChange> files) {
        return new DiffReport(base, baseEdition, baseFingerprint, head, headEdition, headFingerprint, asOf, assessed,
                unchanged, changes, errors, transitions, rulesAdded, rulesRemoved, unchangedRequests, files, clauseTitles);
    }

    /** The title of {@code clause}, or null when neither clause index lists it. */
    public String clauseTitle(String clause) {
        return clauseTitles.get(clause);
    }

    /** True when any request changed. */
    public boolean changed() {
        return !changes.isEmpty();
    }
}
