package io.epewatch.camera.health;

import java.time.Instant;

import io.epewatch.camera.CameraState;

/** One probe of one camera: the state it suggests and why (the reason goes into the logbook, R1.5). */
record ProbeResult(Instant at, CameraState state, String reason) {
}
