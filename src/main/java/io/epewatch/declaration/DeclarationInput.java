package io.epewatch.declaration;

import java.util.List;

/**
 * A declaration as an integration posts it. Fields are kept as text so that every bad one is reported at once,
 * each with its reason. Everything after {@code containerNumbers} is optional.
 *
 * @param clearedAt when customs cleared it
 * @param vehicles  vehicles with the containers each carries
 * @param transit   for a transit declaration (R5.7): origin and destination geofence codes, deadline, route
 * @param inspectedAt when the physical inspection of a red-lane declaration was recorded (R5.6)
 * @param arrival   the destination office's arrival confirmation of a transit, with the seals it found (R5.7)
 */
public record DeclarationInput(String number, String typeCode, String enterpriseTaxCode, String direction,
                               String registeredAt, String status, String lane, List<String> vehiclePlates,
                               List<String> containerNumbers, String clearedAt, List<GoodsLineInput> goods,
                               List<VehicleInput> vehicles, List<SealInput> seals, TransitInput transit,
                               String inspectedAt, ArrivalInput arrival) {

    /** The original nine fields: the rest empty. */
    public DeclarationInput(String number, String typeCode, String enterpriseTaxCode, String direction,
                            String registeredAt, String status, String lane, List<String> vehiclePlates,
                            List<String> containerNumbers) {
        this(number, typeCode, enterpriseTaxCode, direction, registeredAt, status, lane, vehiclePlates,
                containerNumbers, null, null, null, null, null, null, null);
    }

    public record GoodsLineInput(String hsCode, String description, String quantity, String unit, String netWeightKg,
                                 String grossWeightKg) {
    }

    public record VehicleInput(String plate, List<String> containerNumbers) {
    }

    public record SealInput(String containerNumber, String sealNumber) {
    }

    public record TransitInput(String origin, String destination, String deadline, String route) {
    }

    public record ArrivalInput(String arrivedAt, String office, List<SealInput> seals) {
    }
}
