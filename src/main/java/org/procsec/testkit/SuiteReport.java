package org.procsec.testkit;

import org.procsec.ruleset.RuleInfo;
import org.procsec.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The results of a scenario suite, with rule coverage: which rules no scenario fired, and which
 * clauses (among those some rule cites) no firing rule covers.
 *
 * @param results    one result per scenario, in file order
 * @param rules      every rule of the rule set
 * @param firedRules ids of the rules fired by at least one scenario
 */
public record SuiteReport(List<ScenarioResult> results, List<RuleInfo> rules, Set<String> firedRules) {
    public SuiteReport {
        results = List.copyOf(results);
        rules = List.copyOf(rules);
        firedRules = Set.copyOf(firedRules);
    }

    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** Results of files that could not be read as scenarios. */
    public long broken() {
        return results.stream().filter(ScenarioResult::broken).count();
    }

    /** Total run time of the scenarios, in nanoseconds. */
    public long nanos() {
        return results.stream().mapToLong(ScenarioResult::nanos).sum();
    }

    public List<ScenarioResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Rules that no scenario fired, in file and line order. */
    public List<RuleInfo> unfiredRules() {
        return rules.stream().filter(r -> !firedRules.contains(r.id())).toList();
    }

    /**
     * Clauses that some rule cites but no fired rule covers, in clause order. Clauses no rule cites
     * (such as 1.1, which needs no rule) are not counted: coverage is about the rules.
     */
    public List<String> uncoveredClauses() {
        Map<String, Boolean> covered = new LinkedHashMap<>();
        for (RuleInfo r : rules) {
            covered.merge(r.clause(), firedRules.contains(r.id()), Boolean::logicalOr);
        }
        TreeSet<String> out = new TreeSet<>(Finding::compareClauses);
        covered.forEach((clause, fired) -> {
            if (!fired) {
                out.add(clause);
            }
        });
        return new ArrayList<>(out);
    }

    /** Percentage of rules fired by at least one scenario (100 for a rule set without rules). */
    public double coveragePercent() {
        if (rules.isEmpty()) {
            return 100.0;
        }
        long fired = rules.stream().filter(r -> firedRules.contains(r.id())).count();
        return 100.0 * fired / rules.size();
    }
}
