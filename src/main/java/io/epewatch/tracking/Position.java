package io.epewatch.tracking;

import java.time.Instant;

/**
 * A GPS fix of a vehicle.
 *
 * @param speedKmh km/h, whatever unit the sender used
 * @param heading  degrees clockwise from north
 * @param zone     the geofence it lies in, or null outside every one
 */
public record Position(String plate, Instant at, double lat, double lon, float speedKmh, float heading, String source,
                       String zone) {
}
