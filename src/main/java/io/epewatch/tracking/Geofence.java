package io.epewatch.tracking;

import java.time.Instant;
import java.util.List;

/**
 * A place drawn on the map: an EPE site, a port, an ICD, a border gate.
 *
 * @param ring the polygon's corners as {@code [longitude, latitude]}, closed (first = last), as GeoJSON writes them
 */
public record Geofence(String code, String name, Kind kind, String enterpriseTaxCode, List<List<Double>> ring,
                       Instant updatedAt, String updatedBy) {

    public enum Kind { EPE_SITE, PORT, ICD, BORDER_GATE, PARKING, OTHER }
}
