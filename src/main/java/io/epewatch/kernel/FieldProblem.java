package io.epewatch.kernel;

/** One reason one input field was refused: {@code field} is the JSON/form path, {@code reason} is for people. */
public record FieldProblem(String field, String reason) {
}
