package io.epewatch.gate;

import java.time.Instant;
import java.util.List;

/**
 * A recorded gate passage.
 *
 * @param plate    the plate in canonical form, or null when none was read
 * @param plateRaw the plate as the reader sent it
 * @param source   who reported it ({@code api:TOKEN-NAME}, later {@code recognition}, {@code manual-log})
 * @param seals    the seals seen on the containers, when reported
 */
public record GateEvent(long id, String enterpriseTaxCode, String cameraNumber, String locationKind, Direction direction,
                        Instant capturedAt, String plate, String plateRaw, List<ContainerRead> containers, String source,
                        Instant receivedAt, List<GateSeal> seals) {

    public enum Direction { IN, OUT }
}
