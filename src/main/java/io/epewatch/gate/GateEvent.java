package io.epewatch.gate;

import java.time.Instant;
import java.util.List;

/**
 * A recorded gate passage.
 *
 * @param locationId   the location on the site diagram where it passed (null for passages older than issue 18 whose
 *                     camera was removed since)
 * @param locationName the location's name when the passage was recorded
 * @param plate    the plate in canonical form, or null when none was read
 * @param plateRaw the plate as the reader sent it
 * @param source   who reported it ({@code api:TOKEN-NAME}, later {@code recognition}, {@code manual-log})
 * @param seals    the seals seen on the containers, when reported
 */
public record GateEvent(long id, String enterpriseTaxCode, String cameraNumber, Long locationId, String locationName,
                        String locationKind, Direction direction,
                        Instant capturedAt, String plate, String plateRaw, List<ContainerRead> containers, String source,
                        Instant receivedAt, List<GateSeal> seals) {

    public enum Direction { IN, OUT }

    /** A vehicle passed and a camera read neither its plate nor a container on it (issue 21). */
    public boolean unread() {
        return plate == null && containers.isEmpty();
    }

    GateEvent withId(long newId) {
        return new GateEvent(newId, enterpriseTaxCode, cameraNumber, locationId, locationName, locationKind, direction,
                capturedAt, plate, plateRaw, containers, source, receivedAt, seals);
    }
}
