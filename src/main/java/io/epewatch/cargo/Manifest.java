package io.epewatch.cargo;

import java.time.Instant;
import java.util.List;

/**
 * A manifest: what a carrier says it carries for an enterprise (R4.4, R4.5).
 *
 * @param mode            SEA, AIR, ROAD or RAIL
 * @param transportName   the vessel, flight or truck
 * @param portOfLoading   UN/LOCODE, like {@code VNCLI} (Cát Lái)
 * @param at              departure (export) or arrival (import)
 * @param containerNumbers as the carrier wrote them; a number failing ISO 6346 is kept and warned about
 */
public record Manifest(String number, int version, String enterpriseTaxCode, String mode, String transportName,
                       String voyage, String billOfLading, String portOfLoading, String portOfDischarge, Instant at,
                       List<CargoVehicle> vehicles, List<String> containerNumbers, Instant receivedAt) {
}
