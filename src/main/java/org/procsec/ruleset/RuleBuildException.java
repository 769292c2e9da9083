package org.procsec.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** The rule set could not be built; carries every problem found, in file and line order. */
public final class RuleBuildException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    public RuleBuildException(String source, List<RuleProblem> problems) {
        super("rules from " + source + " do not build (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, never empty. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
