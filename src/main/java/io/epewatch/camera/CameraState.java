package io.epewatch.camera;

/** What the health monitor says of a camera (R1.5, R1.7). */
public enum CameraState {
    ONLINE,
    /** Reachable but below what was declared: frame rate or resolution, frozen or black image, clock skew. */
    DEGRADED,
    OFFLINE
}
