package io.epewatch.cargo;

import java.time.Instant;
import java.util.List;

/**
 * A warehouse receipt or delivery note of the EPE (R4.4): which goods, which vehicle or container, when, where.
 *
 * @param location  the storage location on the site diagram
 * @param scrapArea the location holds scrap or refuse (R1.1)
 */
public record WarehouseNote(String enterpriseTaxCode, String number, int version, Kind kind, String location,
                            boolean scrapArea, Instant at, String plate, List<String> containerNumbers,
                            String declarationNumber, List<NoteLine> goods, Instant receivedAt) {

    public enum Kind { RECEIPT, DELIVERY }

    public record NoteLine(String description, String quantity, String unit) {
    }
}
