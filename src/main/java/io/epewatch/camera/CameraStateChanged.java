package io.epewatch.camera;

import java.time.Instant;

/**
 * A camera's debounced state changed. {@code outage} is CHANNEL when every camera of the enterprise is down together
 * (R2.4, 3 working days), EQUIPMENT otherwise (R2.3, 10 working days), null when the camera came back.
 */
public record CameraStateChanged(long cameraId, String enterpriseTaxCode, String cameraNumber, CameraState from,
                                 CameraState to, Instant since, String reason, String outage) {
}
