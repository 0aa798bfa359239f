package io.epewatch.kernel;

import java.util.List;

/**
 * Input refused before anything was stored. Rendered as {@code 400 application/problem+json} with an
 * {@code errors} list on the API and as messages beside the fields in the UI.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The reasons by field, several reasons of one field joined: what a form shows beside each field. */
    public java.util.Map<String, String> reasonsByField() {
        java.util.Map<String, String> reasons = new java.util.LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            reasons.merge(problem.field(), problem.reason(), (a, b) -> a + "; " + b);
        }
        return reasons;
    }

    private static String summary(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (FieldProblem problem : problems) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(problem.field()).append(": ").append(problem.reason());
        }
        return text.toString();
    }
}
