package io.epewatch.tracking;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A trip started, arrived or was cancelled ({@code at}: when that happened). The trip's route and vehicle never change
 * once it started; read them with {@link Trips#findForSystem}.
 */
@Externalized("epewatch.trips::#{enterpriseTaxCode()}")
public record TripChanged(long tripId, String enterpriseTaxCode, Trip.Stage stage, Instant at) {
}
