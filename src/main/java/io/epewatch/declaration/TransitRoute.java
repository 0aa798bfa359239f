package io.epewatch.declaration;

import java.time.Instant;

/**
 * The route a transit declaration registers (R5.7): from one place to another, by a deadline.
 *
 * @param origin      the geofence code where the goods start (an EPE site, a port, an ICD, a border gate)
 * @param destination the geofence code where they must arrive
 * @param route       the registered road, as written (free text)
 */
public record TransitRoute(String origin, String destination, Instant deadline, String route) {
}
