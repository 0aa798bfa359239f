package io.epewatch.kernel;

import java.util.List;

/**
 * One reason one input field was refused.
 *
 * @param field  the JSON/form path ({@code containerNumbers[0]})
 * @param reason the reason in English, as the API returns it
 * @param code   a message code ({@code problem.<code>}) for showing the reason in the reader's language, or null
 * @param args   the values the message needs
 */
public record FieldProblem(String field, String reason, String code, List<Object> args) {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public FieldProblem(String field, String reason) {
        this(field, reason, null, List.of());
    }
}
