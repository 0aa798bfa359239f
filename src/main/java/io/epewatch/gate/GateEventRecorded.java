package io.epewatch.gate;

import java.time.Instant;
import java.util.List;

/**
 * A gate passage was recorded; risk rules evaluate it.
 *
 * @param source who recorded it: {@code recognition}, an API client, {@code manual-log} (written by hand while the
 *               camera was down) …
 * @param seals  the seals seen on the containers, when the gate reported them
 */
public record GateEventRecorded(long gateEventId, String enterpriseTaxCode, String cameraNumber,
                                GateEvent.Direction direction, Instant capturedAt, String plate,
                                List<ContainerRead> containers, String source, List<GateSeal> seals) {
}
