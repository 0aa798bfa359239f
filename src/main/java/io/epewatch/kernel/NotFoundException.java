package io.epewatch.kernel;

/**
 * Nothing of that kind with that id exists <em>for the caller</em>: out-of-scope records are reported exactly
 * like missing ones, so a caller cannot probe which tax codes exist in other units.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
