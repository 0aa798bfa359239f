package io.epewatch.camera.connector;

/** Why a camera could not be observed; the kind becomes the start of the logbook reason (R1.5). */
public class CameraFailure extends Exception {

    public enum Kind { UNREACHABLE, TIMEOUT, UNAUTHORIZED, BAD_ANSWER, FORBIDDEN_ADDRESS,
        /** The RTSP server refused the transport asked for (461, or 400 to the SETUP): another may work (issue 20). */
        TRANSPORT_REFUSED }

    private final Kind kind;

    public CameraFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** "KIND: message", as the logbook shows it. */
    public String reason() {
        return kind + ": " + getMessage();
    }
}
