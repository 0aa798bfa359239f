package io.epewatch.camera;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A camera's debounced state changed. {@code outage} is CHANNEL when every camera of the enterprise is down together
 * (R2.4, 3 working days), EQUIPMENT otherwise (R2.3, 10 working days), null when the camera came back.
 */
@Externalized("epewatch.camera-states::#{enterpriseTaxCode()}")
public record CameraStateChanged(long cameraId, String enterpriseTaxCode, String cameraNumber, CameraState from,
                                 CameraState to, Instant since, String reason, String outage) {
}
