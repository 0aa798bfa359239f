package io.epewatch.cargo;

import java.util.List;

/** Cargo documents as integrations post them: text fields, so that every bad one is named at once. */
public final class CargoInputs {

    private CargoInputs() {
    }

    public record VehicleInput(String plate, List<String> containerNumbers) {
    }

    public record ManifestInput(String number, String enterpriseTaxCode, String mode, String transportName,
                                String voyage, String billOfLading, String portOfLoading, String portOfDischarge,
                                String at, List<VehicleInput> vehicles, List<String> containerNumbers) {
    }

    public record NoteInput(String number, String enterpriseTaxCode, String kind, String location, String at,
                            String plate, List<String> containerNumbers, String declarationNumber,
                            List<WarehouseNote.NoteLine> goods) {
    }

    public record ConfirmationInput(String id, String enterpriseTaxCode, String place, String direction, String at,
                                    String plate, List<String> containerNumbers, String declarationNumber) {
    }
}
