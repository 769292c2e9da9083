package org.procsec.model;

import java.util.List;
import java.util.stream.Collectors;

/** A request is not valid input; carries every problem found, each with its JSON path. */
public final class InvalidRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<InputProblem> problems;

    public InvalidRequestException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, never empty. */
    public List<InputProblem> problems() {
        return problems;
    }
}
