package io.epewatch.gate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.epewatch.registry.GoodsKind;
import org.springframework.modulith.events.Externalized;

/**
 * A gate passage was recorded; risk rules evaluate it. It carries where it passed as the gate module resolved it, so no
 * listener looks the camera up again.
 *
 * @param locationName  the location on the site diagram (the camera number for an event published before issue 18)
 * @param locationGoods what the location holds (scrap and refuse have rules of their own)
 * @param source        who recorded it: {@code recognition}, an API client, {@code manual-log} (written by hand while
 *                      the camera was down) …
 * @param seals         the seals seen on the containers, when the gate reported them
 */
@Externalized("epewatch.gate-events::#{enterpriseTaxCode()}")
public record GateEventRecorded(long gateEventId, String enterpriseTaxCode, String cameraNumber, Long locationId,
                                String locationName, Set<GoodsKind> locationGoods, GateEvent.Direction direction,
                                Instant capturedAt, String plate, List<ContainerRead> containers, String source,
                                List<GateSeal> seals) {

    public GateEventRecorded {
        // an event stored in the outbox by an earlier version lacks the location: read it as that version did
        locationName = locationName == null ? cameraNumber : locationName;
        locationGoods = locationGoods == null ? Set.of() : Set.copyOf(locationGoods);
        seals = seals == null ? List.of() : seals;
    }
}
