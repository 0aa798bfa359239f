package io.epewatch.clearance;

import java.util.List;

import io.epewatch.declaration.DeclarationInput.VehicleInput;

/**
 * A declaration as a declarant files it (IDA/EDA), in the portal's form, an uploaded message or over the API. Fields
 * are text so that every bad one is reported at once, each beside its field.
 *
 * @param reference the declarant's own reference for this filing: filing the same reference again answers the
 *                  declaration already filed (an ingest is idempotent)
 * @param typeCode  E11 … E82 ({@code ../shared/VNACCS.md}); it must fit the direction
 * @param currency  ISO 4217 code of the invoice
 */
public record DossierInput(String reference, String direction, String typeCode, String enterpriseTaxCode,
                           String invoiceNumber, String currency, String transportDocument, List<Line> goods,
                           List<VehicleInput> vehicles) {

    /**
     * One goods line.
     *
     * @param unitPrice in the invoice currency
     * @param origin    the country of origin, ISO 3166 alpha-2 (VN, CN, JP …)
     */
    public record Line(String hsCode, String description, String quantity, String unit, String unitPrice,
                       String origin, String netWeightKg, String grossWeightKg) {
    }
}
