package org.procsec.internal.scan;

import com.fasterxml.jackson.databind.JsonNode;
import org.procsec.model.InputProblem;
import org.procsec.model.Assessment;
import org.procsec.model.Decision;
import org.procsec.model.Finding;
import org.procsec.model.HoldingAction;
import org.procsec.model.Outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summary's counts, kept by one thread (the writer). */
final class Tally {
    private static final int TOP_FINDINGS = 10;

    long lines;
    long assessed;
    long blank;
    long replace;
    long review;
    long pastLife;
    long errors;
    long resumed;
    final Map<String, Long> decisions = new HashMap<>();
    final Map<String, Long> findings = new HashMap<>();
    final List<ScanSummary.LineError> firstErrors = new ArrayList<>();

    void blankLine() {
        lines++;
        blank++;
    }

    void error(long line, InputProblem first) {
        lines++;
        errors++;
        if (firstErrors.size() < PortfolioScanner.MAX_REPORTED_ERRORS) {
            firstErrors.add(new ScanSummary.LineError(line, first.path(), first.message()));
        }
    }

    void assessment(Assessment a) {
        lines++;
        assessed++;
        decisions.merge(a.decision().name(), 1L, Long::sum);
        if (a.holding() != null) {
            holding(a.holding().action().name(), a.holding().pastServiceLife());
        }
        for (Finding f : a.findings()) {
            if (f.outcome() != Outcome.INFO) {
                findings.merge(f.ruleId(), 1L, Long::sum);
            }
        }
    }

    /** A record an interrupted run wrote (already checked to be a scan record). */
    void record(JsonNode r) {
        JsonNode errs = r.get("errors");
        if (errs != null) {
            JsonNode first = errs.path(0);
            error(r.get("line").asLong(), new InputProblem(first.path("path").asText(""), first.path("message").asText("")));
            return;
        }
        lines++;
        assessed++;
        decisions.merge(r.get("decision").asText(), 1L, Long::sum);
        JsonNode h = r.get("holding");
        if (h != null) {
            holding(h.path("action").asText(), h.path("pastServiceLife").asBoolean());
        }
        for (JsonNode f : r.path("findings")) {
            if (!f.path("outcome").asText().equals(Outcome.INFO.name())) {
                findings.merge(f.path("ruleId").asText(), 1L, Long::sum);
            }
        }
    }

    private void holding(String action, boolean pastServiceLife) {
        replace += action.equals(HoldingAction.REPLACE.name()) ? 1 : 0;
        review += action.equals(HoldingAction.REVIEW_AT_RENEWAL.name()) ? 1 : 0;
        pastLife += pastServiceLife ? 1 : 0;
    }

    ScanSummary summary(Duration elapsed) {
        List<Map.Entry<String, Long>> top = findings.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_FINDINGS).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        Map<String, Long> byDecision = new LinkedHashMap<>();
        for (Decision d : Decision.values()) {
            byDecision.put(d.name(), decisions.getOrDefault(d.name(), 0L));
        }
        return new ScanSummary(lines, assessed, byDecision, replace, review, pastLife, top, errors, firstErrors,
                blank, elapsed, resumed);
    }
}
