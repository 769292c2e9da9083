package org.procsec.internal.facts;

import org.kie.api.definition.type.ClassReactive;

import org.procsec.model.HoldingAction;

/** Section 7.1: what a portfolio review reports for the holding, following the decision of section 8. */
@ClassReactive
public record HoldingReport(HoldingAction action, int rq) implements Derived {
    /** Made in a rule consequence: the request is the one whose match is firing ({@link RequestScope}). */
    public HoldingReport(HoldingAction action) {
        this(action, RequestScope.current());
    }

}
