package org.procsec.review;

import org.procsec.api.PolicyEngine;
import org.procsec.model.Assessment;
import org.procsec.model.Decision;
import org.procsec.model.Finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Assesses every request of a corpus under two engines (base and head) and reports each request whose
 * decision, outcome fields or findings changed. Findings are compared by rule id, clause, outcome and
 * message (not remedy). Policy metadata (edition, fingerprint) is not compared.
 */
public final class PolicyDiff {
    private final PolicyEngine base;
    private final PolicyEngine head;
    private final boolean counterfactuals;

    /** A diff of {@code base} against {@code head}; with {@code counterfactuals}, REFER/REJECT under head get them. */
    public PolicyDiff(PolicyEngine base, PolicyEngine head, boolean counterfactuals) {
        this.base = Objects.requireNonNull(base, "base");
        this.head = Objects.requireNonNull(head, "head");
        this.counterfactuals = counterfactuals;
    }

    private record FindingKey(String ruleId, String clause, String outcome, String message) {
        static FindingKey of(Finding f) {
            return new FindingKey(f.ruleId(), f.clause(), f.outcome().name(), f.message());
        }
    }

    /** Runs the diff; {@code asOf} (may be null) overrides each entry's own date for both sides. */
    public DiffReport run(Corpus corpus, LocalDate asOf) {
        List<RequestChange> changes = new ArrayList<>();
        Map<String, Integer> transitions = new TreeMap<>();
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        Counterfactuals cf = new Counterfactuals(head);
        int unchanged = 0;
        List<CorpusEntry> same = new ArrayList<>();
        List<CorpusEntry> entries = corpus.entries();
        List<org.procsec.model.PurchaseRequest> requests = new ArrayList<>(entries.size());
        List<LocalDate> dates = new ArrayList<>(entries.size());
        for (CorpusEntry e : entries) {
            requests.add(e.request());
            dates.add(asOf != null ? asOf : e.asOf());
        }
        // Both sides in sessions of many requests each (EngineCore.assessAll): each as it is alone.
        List<Assessment> befores = org.procsec.internal.engine.EngineCore.of(base).assessAll(requests, dates,
                org.procsec.internal.engine.Evaluator.DEFAULT_CHUNK);
        List<Assessment> afters = org.procsec.internal.engine.EngineCore.of(head).assessAll(requests, dates,
                org.procsec.internal.engine.Evaluator.DEFAULT_CHUNK);
        for (int n = 0; n < entries.size(); n++) {
            CorpusEntry e = entries.get(n);
            LocalDate date = dates.get(n);
            Assessment before = befores.get(n);
            Assessment after = afters.get(n);
            List<FieldChange> fields = fields(before, after);
            List<Finding> plus = minus(after.findings(), before.findings());
            List<Finding> minus = minus(before.findings(), after.findings());
            if (fields.isEmpty() && plus.isEmpty() && minus.isEmpty()) {
                unchanged++;
                same.add(e);
                continue;
            }
            Counterfactuals.Result result = null;
            if (counterfactuals && (after.decision() == Decision.REFER || after.decision() == Decision.REJECT)) {
                result = cf.find(e.request(), date, after);
            }
            RequestChange change = new RequestChange(e.request().id(), e.source(), before, after, fields, plus, minus,
                    result);
            changes.add(change);
            transitions.merge(change.transition(), 1, Integer::sum);
            plus.stream().map(f -> f.ruleId() + " (" + f.clause() + ")").distinct()
                    .forEach(k -> added.merge(k, 1, Integer::sum));
            minus.stream().map(f -> f.ruleId() + " (" + f.clause() + ")").distinct()
                    .forEach(k -> removed.merge(k, 1, Integer::sum));
        }
        changes.sort(Comparator.comparing(RequestChange::source).thenComparing(RequestChange::requestId));
        same.sort(Comparator.comparing(CorpusEntry::source).thenComparing(x -> x.request().id()));
        List<String> unchangedRequests = same.stream().map(x -> x.request().id() + " (" + x.source() + ")").toList();
        String baseEdition = base.edition();
        String headEdition = head.edition();
        return new DiffReport(null, baseEdition, base.fingerprint(), null, headEdition, head.fingerprint(),
                asOf, corpus.entries().size(), unchanged, changes, corpus.errors(),
                new TreeMap<>(transitions), new TreeMap<>(added), new TreeMap<>(removed), unchangedRequests, List.of(),
                clauseTitles(changes));
    }

    /** As {@link #run(Corpus, LocalDate)}, naming the two rule sets in the report. */
    public DiffReport run(Corpus corpus, LocalDate asOf, String baseName, String headName) {
        DiffReport r = run(corpus, asOf);
        return new DiffReport(baseName, r.baseEdition(), r.baseFingerprint(), headName, r.headEdition(),
                r.headFingerprint(), r.asOf(), r.assessed(), r.unchanged(), r.changes(), r.errors(), r.transitions(),
                r.rulesAdded(), r.rulesRemoved(), r.unchangedRequests(), r.ruleFiles(), r.clauseTitles());
    }

    /** The titles of the clauses the changed findings cite: head's clause index first, then base's. */
    private java.util.SortedMap<String, String> clauseTitles(List<RequestChange> changes) {
        java.util.SortedMap<String, String> titles = new TreeMap<>(Finding::compareClauses);
        for (RequestChange c : changes) {
            for (List<Finding> fs : List.of(c.added(), c.removed())) {
                for (Finding f : fs) {
                    org.procsec.internal.engine.EngineCore.of(head).rules().referenceData().clause(f.clause())
                            .or(() -> org.procsec.internal.engine.EngineCore.of(base).rules().referenceData().clause(f.clause()))
                            .ifPresent(ci -> titles.put(f.clause(), ci.title()));
                }
            }
        }
        return titles;
    }

    private static List<Finding> minus(List<Finding> a, List<Finding> b) {
        java.util.Set<FindingKey> keys = new java.util.HashSet<>();
        b.forEach(f -> keys.add(FindingKey.of(f)));
        return a.stream().filter(f -> !keys.contains(FindingKey.of(f))).toList();
    }

    private static List<FieldChange> fields(Assessment a, Assessment b) {
        Map<String, String[]> values = new LinkedHashMap<>();
        values.put("decision", new String[]{a.decision().name(), b.decision().name()});
        values.put("sensitiveSectors", new String[]{a.sensitiveSectors().toString(), b.sensitiveSectors().toString()});
        values.put("requiredClearance", new String[]{a.requiredClearance().name(), b.requiredClearance().name()});
        values.put("heldClearance", new String[]{a.heldClearance().name(), b.heldClearance().name()});
        values.put("cseReviewRequired", new String[]{"" + a.cseReviewRequired(), "" + b.cseReviewRequired()});
        values.put("prohibited", new String[]{"" + a.prohibited(), "" + b.prohibited()});
        values.put("conditions", new String[]{a.conditions().toString(), b.conditions().toString()});
        List<FieldChange> out = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!v[0].equals(v[1])) {
                out.add(new FieldChange(k, v[0], v[1]));
            }
        });
        return out;
    }
}
