package io.epewatch.gate;

import java.util.List;

/** A gate passage as an edge reader posts it. */
public record GateEventInput(String enterpriseTaxCode, String cameraNumber, String direction, String capturedAt,
                             String plate, List<String> containerNumbers) {
}
