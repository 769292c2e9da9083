package org.procsec.internal.facts;

import org.procsec.model.Finding;
import org.procsec.model.Outcome;

/**
 * A finding as a fact of its request. Rules write {@code Finding(outcome == ...)}; where the rules
 * are compiled such patterns match this type, whose accessors are the finding's.
 */
public record RequestFinding(Finding finding, int rq) implements Derived {
    public RequestFinding(Finding finding) {
        this(finding, RequestScope.current());
    }

    public String ruleId() {
        return finding.ruleId();
    }

    public String clause() {
        return finding.clause();
    }

    public Outcome outcome() {
        return finding.outcome();
    }

    public String message() {
        return finding.message();
    }

    public String remedy() {
        return finding.remedy();
    }
}
