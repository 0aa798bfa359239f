package io.epewatch.kernel;

/**
 * The request could not be served now (the database is away, a writer is overloaded) and nothing of it was kept:
 * answered 503 with a {@code Retry-After}, so a client retries the same request (with the same Idempotency-Key).
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
public class UnavailableException extends RuntimeException {

    public UnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
