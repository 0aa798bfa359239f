package io.epewatch.cargo;

import java.time.Instant;
import java.util.List;

/**
 * A port or ICD confirms goods passed its customs-supervised gate (gate-in IN, gate-out OUT).
 *
 * @param id         the confirmation's own identifier at that place: the idempotency key
 * @param place      where: a geofence code such as {@code PORT-CAT-LAI}
 * @param containers as read at that gate, each with whether it passes ISO 6346
 */
public record AreaConfirmation(String id, String enterpriseTaxCode, String place, String direction, Instant at,
                               String plate, List<ReadContainer> containers, String declarationNumber,
                               Instant receivedAt) {

    public record ReadContainer(String number, boolean valid) {
    }
}
