package io.epewatch.gate;

import java.util.List;

/**
 * A gate passage as an edge reader posts it.
 *
 * @param seals the seals seen on the containers, when the gate reports them (optional)
 */
public record GateEventInput(String enterpriseTaxCode, String cameraNumber, String direction, String capturedAt,
                             String plate, List<String> containerNumbers, List<GateSeal> seals) {

    public GateEventInput(String enterpriseTaxCode, String cameraNumber, String direction, String capturedAt,
                          String plate, List<String> containerNumbers) {
        this(enterpriseTaxCode, cameraNumber, direction, capturedAt, plate, containerNumbers, null);
    }
}
