package io.epewatch.declaration;

import java.time.Instant;
import java.util.List;

/** The destination office confirmed the transit's arrival and recorded the seals it found (R5.7). */
public record TransitArrival(Instant at, String office, List<Seal> seals) {
}
