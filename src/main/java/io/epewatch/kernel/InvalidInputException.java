package io.epewatch.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * Input refused before anything was stored. Rendered as {@code 400 application/problem+json} with an
 * {@code errors} list on the API and as messages beside the fields in the UI; a page that does not catch it answers
 * 400, never 500.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    /** With a message code ({@code problem.<code>} in the message bundles), for a page that says it in its language. */
    public InvalidInputException(String field, String code, String reason, Object... args) {
        this(List.of(new FieldProblem(field, reason, code, List.of(args))));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * The reasons by field in the reader's language (falling back to English), several reasons of one field joined:
     * what a form shows beside each field.
     */
    public Map<String, String> reasonsByField(MessageSource messages, Locale locale) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String reason = problem.code() == null ? problem.reason()
                    : messages.getMessage("problem." + problem.code(), problem.args().toArray(), problem.reason(), locale);
            reasons.merge(problem.field(), reason, (a, b) -> a + "; " + b);
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
