package io.epewatch.tracking;

import java.time.Instant;

/** A trip started, arrived or was cancelled ({@code at}: when that happened). */
public record TripChanged(Trip trip, Instant at) {
}
