package io.epewatch.registry;

import java.time.Instant;

/**
 * A camera was taken out of service, or put back (R1.5: the camera logbook records it; R1.1, R1.3: the place it
 * watched may be left uncovered).
 *
 * @param retired true when taken out of service, false when put back
 * @param by      who did it
 */
public record CameraRetired(long cameraId, String enterpriseTaxCode, String cameraNumber, boolean retired, String by, Instant at) {
}
