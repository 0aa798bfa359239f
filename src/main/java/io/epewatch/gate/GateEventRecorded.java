package io.epewatch.gate;

import java.time.Instant;
import java.util.List;

/** A gate passage was recorded; risk rules evaluate it. */
public record GateEventRecorded(long gateEventId, String enterpriseTaxCode, String cameraNumber,
                                GateEvent.Direction direction, Instant capturedAt, String plate,
                                List<ContainerRead> containers) {
}
