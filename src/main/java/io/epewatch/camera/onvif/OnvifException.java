package io.epewatch.camera.onvif;

/** A camera's ONVIF answer that cannot be used: no answer, a SOAP fault, malformed or unsafe XML, a missing element. */
public class OnvifException extends RuntimeException {

    public enum Kind { NO_ANSWER, TIMEOUT, NOT_AUTHORIZED, BAD_ANSWER,
        /** The device handed back an address the SSRF guard refuses. */
        FORBIDDEN_ADDRESS }

    private final Kind kind;

    public OnvifException(String message) {
        this(Kind.BAD_ANSWER, message);
    }

    public OnvifException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
