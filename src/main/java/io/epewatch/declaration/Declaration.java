package io.epewatch.declaration;

import java.time.Instant;
import java.util.List;

/**
 * The latest version of a declaration. Plates and containers are in canonical form.
 *
 * @param inspectedAt when the physical inspection was recorded (R5.6), or null
 * @param arrival     the transit's arrival at the destination office with the seals found there, or null
 */
public record Declaration(String number, int version, String typeCode, String enterpriseTaxCode, Direction direction,
                          Instant registeredAt, String status, Lane lane, List<String> vehiclePlates,
                          List<String> containerNumbers, Instant receivedAt, Instant clearedAt, List<GoodsLine> goods,
                          List<DeclaredVehicle> vehicles, List<Seal> seals, TransitRoute transit,
                          Instant inspectedAt, TransitArrival arrival) {

    /** Every vehicle it names: those with their containers, then plates named alone. */
    public List<DeclaredVehicle> allVehicles() {
        List<DeclaredVehicle> all = new java.util.ArrayList<>(vehicles);
        vehiclePlates.stream().filter(p -> vehicles.stream().noneMatch(v -> v.plate().equals(p)))
                .forEach(p -> all.add(new DeclaredVehicle(p, List.of())));
        return all;
    }

    public enum Direction { IMPORT, EXPORT }

    /** The inspection channel (Decree 87/2012, Art. 10; R5.5). */
    public enum Lane { GREEN, YELLOW, RED }
}
