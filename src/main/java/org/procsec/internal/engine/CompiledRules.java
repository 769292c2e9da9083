package org.procsec.internal.engine;

import org.procsec.ruleset.RuleInfo;

import org.kie.api.KieBase;
import org.procsec.internal.refdata.ReferenceData;

import java.util.List;

/**
 * A rule set ready to run: the KieBase, its reference data and what identifies it.
 *
 * @param kieBase       compiled rules; thread-safe, shared by all sessions
 * @param referenceData the reference data inserted into every session
 * @param fingerprint   {@code sha256:...} over the rule and reference files
 * @param source        where the rules came from
 * @param rules         every rule, in file and line order
 * @param unbatchable   why requests cannot share a session under these rules (rules that would mix
 *                      requests, see RequestScoping); empty when they can
 */
public record CompiledRules(KieBase kieBase, ReferenceData referenceData, String fingerprint, String source,
                            List<RuleInfo> rules, List<org.procsec.ruleset.RuleProblem> unbatchable) {
    public CompiledRules {
        rules = List.copyOf(rules);
        unbatchable = List.copyOf(unbatchable);
    }

    /** True when several requests may be assessed in one session (no rule would mix them). */
    public boolean batchable() {
        return unbatchable.isEmpty();
    }

    /**
     * Identity: a compiled rule set is one KieBase with its sessions. (Record equality would
     * compare the reference data deeply; the evaluator keys its session pools by rule set.)
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The policy edition, from the reference parameters. */
    public String edition() {
        return referenceData.parameters().edition();
    }
}
