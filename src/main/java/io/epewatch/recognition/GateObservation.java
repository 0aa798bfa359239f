package io.epewatch.recognition;

import java.time.Instant;
import java.util.List;

/**
 * One vehicle at a gate camera as recognition or an edge camera saw it: what the {@code gate} module records as a
 * gate event, with the pictures kept as evidence.
 *
 * @param direction IN or OUT, or null to take it from the camera's configuration
 * @param frame     JPEG of the best frame (largest, sharpest plate), or null
 * @param source    {@code recognition}, {@code edge:json}, {@code edge:hikvision}
 * @param eventKey  what makes a repeat of the same observation recognisable (idempotency)
 * @param note      for a vehicle nothing was read of (no plate, no container): why, or null
 */
public record GateObservation(String enterpriseTaxCode, String cameraNumber, Instant capturedAt, String direction,
                              ObservedText plate, List<ObservedText> containers, byte[] frame, String source,
                              String eventKey, String note) {

    public GateObservation(String enterpriseTaxCode, String cameraNumber, Instant capturedAt, String direction,
                           ObservedText plate, List<ObservedText> containers, byte[] frame, String source, String eventKey) {
        this(enterpriseTaxCode, cameraNumber, capturedAt, direction, plate, containers, frame, source, eventKey, null);
    }

    @Override
    public String toString() {
        return "GateObservation[" + enterpriseTaxCode + "/" + cameraNumber + " " + capturedAt + " " + plate + " " + containers + "]";
    }
}
