package io.sightline.common.parameter;

import java.util.List;
import java.util.stream.Collectors;

/** One or more parameter values (or declarations) are unusable; carries every problem found. */
public class ParameterException extends RuntimeException {

    private final List<ParameterProblem> problems;

    public ParameterException(List<ParameterProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public ParameterException(String parameter, String message) {
        this(List.of(new ParameterProblem(parameter, message)));
    }

    public List<ParameterProblem> problems() {
        return problems;
    }

    private static String describe(List<ParameterProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ParameterException needs at least one problem");
        }
        return problems.stream().map(ParameterProblem::describe).collect(Collectors.joining("; "));
    }
}
