package io.epewatch.camera.snapshot;

/** Why a snapshot could not be had: the health monitor turns each kind into a camera state and a logbook reason. */
public class SnapshotFailure extends Exception {

    public enum Kind { UNREACHABLE, TIMEOUT, UNAUTHORIZED, NOT_AN_IMAGE, HTTP_ERROR }

    private final Kind kind;

    SnapshotFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
