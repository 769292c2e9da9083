package org.procsec;

import org.procsec.api.PolicyEngine;
import org.procsec.ruleset.RuleBuildException;

/** One bundled engine per test JVM: building it is the slow part. */
public final class TestEngines {
    private static PolicyEngine bundled;

    private TestEngines() {
    }

    public static synchronized PolicyEngine bundled() {
        if (bundled == null) {
            try {
                bundled = PolicyEngine.builder().build();
            } catch (RuleBuildException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return bundled;
    }
}
