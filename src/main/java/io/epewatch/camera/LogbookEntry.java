package io.epewatch.camera;

import java.time.Instant;

/** A line of the camera logbook (R1.5): time, position, the camera's number on the diagram, state and why. */
public record LogbookEntry(long id, String enterpriseTaxCode, String cameraNumber, String locationName, Instant at,
                           CameraState state, String kind, String reason, String outage, String source, String author) {
}
