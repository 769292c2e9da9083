package org.procsec.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The assessment of one purchase, as in {@code docs/FORMATS.md}. Lists are sorted and free of
 * duplicates (enum lists by name), so that equal inputs under equal rules give equal assessments.
 *
 * @param requestId         id of the assessed request
 * @param decision          the decision (POLICY section 8)
 * @param sensitiveSectors  sectors the purchase is in (section 2)
 * @param requiredClearance the highest clearance any clause of section 3 asks for
 * @param heldClearance     the supplier's clearance where it counts (3.5), NONE otherwise
 * @param cseReviewRequired true when any of 4.1-4.4 holds
 * @param prohibited        true when any clause of section 5 applies
 * @param conditions        conditions of approval (section 6); empty when rejected
 * @param findings          every finding, most severe first
 * @param policy            the policy edition, as-of date and rules fingerprint
 * @param holding           portfolio-review outcome (section 7), or null when not assessed as of a date
 */
public record Assessment(String requestId, Decision decision, List<Sector> sensitiveSectors,
                         ClearanceLevel requiredClearance, ClearanceLevel heldClearance,
                         boolean cseReviewRequired, boolean prohibited, List<ConditionType> conditions,
                         List<Finding> findings, PolicyInfo policy, Holding holding) {

    /** An assessment that is not a portfolio review. */
    public Assessment(String requestId, Decision decision, List<Sector> sensitiveSectors,
                      ClearanceLevel requiredClearance, ClearanceLevel heldClearance, boolean cseReviewRequired,
                      boolean prohibited, List<ConditionType> conditions, List<Finding> findings, PolicyInfo policy) {
        this(requestId, decision, sensitiveSectors, requiredClearance, heldClearance, cseReviewRequired, prohibited,
                conditions, findings, policy, null);
    }

    public Assessment {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(requiredClearance, "requiredClearance");
        Objects.requireNonNull(heldClearance, "heldClearance");
        Objects.requireNonNull(policy, "policy");
        sensitiveSectors = sortedDistinct(sensitiveSectors, BY_NAME);
        conditions = sortedDistinct(conditions, BY_NAME);
        findings = sortedDistinct(findings, Comparator.naturalOrder());
    }

    private static final Comparator<Enum<?>> BY_NAME = Comparator.comparing(Enum::name);

    /**
     * {@code values} sorted, each once (of equal ones the first). The evaluator passes the enum lists
     * sorted already: one pass checks that before a sort is paid for (this runs for every assessment).
     */
    private static <T> List<T> sortedDistinct(List<T> values, Comparator<? super T> order) {
        T previous = null;
        int i = 0;
        for (T v : values) {
            if (i++ > 0 && order.compare(previous, v) >= 0) {
                List<T> sorted = new ArrayList<>(values);
                sorted.sort(order); // stable: of equal values the first given is kept
                List<T> once = new ArrayList<>(sorted.size());
                for (T s : sorted) {
                    if (once.isEmpty() || order.compare(once.get(once.size() - 1), s) != 0) {
                        once.add(s);
                    }
                }
                return List.copyOf(once);
            }
            previous = v;
        }
        return List.copyOf(values);
    }

    /** Findings of one outcome. */
    public List<Finding> findings(Outcome outcome) {
        return findings.stream().filter(f -> f.outcome() == outcome).toList();
    }

    /** True when a finding of rule {@code ruleId} is present. */
    public boolean hasFinding(String ruleId) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(ruleId));
    }
}
