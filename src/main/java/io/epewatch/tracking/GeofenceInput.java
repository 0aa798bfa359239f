package io.epewatch.tracking;

import java.util.List;

/** A geofence as an officer draws or an integration posts it; the code comes from the address. */
public record GeofenceInput(String name, String kind, String enterpriseTaxCode, List<List<Double>> ring) {
}
