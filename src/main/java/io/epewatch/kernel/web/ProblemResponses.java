package io.epewatch.kernel.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.epewatch.kernel.FieldProblem;
import io.epewatch.kernel.InvalidInputException;
import io.epewatch.kernel.NotFoundException;
import io.epewatch.kernel.UnavailableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.DatabindException;

/**
 * Every API error is RFC 9457 {@code application/problem+json}; refused input carries an {@code errors} list of
 * {@code {field, reason}} so a client can show each reason beside its field.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemResponses {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.problems());
    }

    /** R6.1: this instance does not take declarations now; the answer names its role and state. */
    @ExceptionHandler(io.epewatch.kernel.IntakeClosedException.class)
    ResponseEntity<ProblemDetail> intakeClosed(io.epewatch.kernel.IntakeClosedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Not accepting declarations");
        problem.setProperty("role", e.role());
        problem.setProperty("state", e.state());
        problem.setProperty("epoch", e.epoch());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail beanValidation(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(error -> problems.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        return invalid(problems);
    }

    /** Malformed JSON, or a value of the wrong type: name the field where Jackson knows it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return invalid(List.of(new FieldProblem(field, "has the wrong type or format")));
        }
        String cause = firstLine(e.getMostSpecificCause().getMessage());
        if (cause != null && cause.startsWith("Required request body is missing")) {
            // Spring names the Java method here: the client needs only to know the body is missing
            return invalid(List.of(new FieldProblem("body", "is required: send the JSON document")));
        }
        return invalid(List.of(new FieldProblem("body", "is not valid JSON: " + cause)));
    }

    /** A value read from a JSON tree that cannot be what the field needs (a number beyond range, an object for text). */
    @ExceptionHandler(tools.jackson.databind.exc.JsonNodeException.class)
    ProblemDetail jsonValue(tools.jackson.databind.exc.JsonNodeException e) {
        return invalid(List.of(new FieldProblem("body", "holds a value of the wrong type or out of range")));
    }

    /** A multipart body without its boundary, or cut short. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail multipart(org.springframework.web.multipart.MultipartException e) {
        return invalid(List.of(new FieldProblem("body", "is not a complete multipart message (boundary missing or body cut short)")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return invalid(List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldProblem(e.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as application/json; charset UTF-8");
        problem.setTitle("Unsupported media type");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You are not allowed to do this");
        problem.setTitle("Forbidden");
        return problem;
    }

    /**
     * The database went away during the request (or no connection came in time): nothing was committed, so the
     * client may retry the same request.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class, TransientDataAccessException.class, UnavailableException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        // the client is told to retry; the operator needs to know why (a lock conflict, a pool exhausted, an outage)
        LOG.warn("Answered 503, retry later: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS)
                .body(e instanceof UnavailableException unavailable ? unavailableProblem(unavailable) : DatabaseOutageFilter.interrupted());
    }

    private static ProblemDetail unavailableProblem(UnavailableException e) {
        return DatabaseOutageFilter.unavailable(e.getMessage() + ". Retry in a few seconds.");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        problem.setTitle(HttpStatus.valueOf(e.getStatusCode().value()).getReasonPhrase());
        return problem;
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.size() == 1 ? problems.getFirst().field() + " " + problems.getFirst().reason()
                        : problems.size() + " fields are invalid");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", problems.stream().map(ProblemResponses::error).toList());
        return problem;
    }

    /** {@code {field, reason}} and, where there is one, the {@code code} a client can translate. */
    private static Map<String, Object> error(FieldProblem problem) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("field", problem.field());
        error.put("reason", problem.reason());
        if (problem.code() != null) {
            error.put("code", problem.code());
        }
        return error;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
