package io.epewatch.clearance;

import java.time.Instant;
import java.util.List;

import io.epewatch.declaration.Seal;

/**
 * The destination office's arrival confirmation (R5.7): the seals it found, and how they compare with those recorded.
 *
 * @param differences one line per seal recorded but missing or different, or found but not recorded; empty when intact
 */
record TransitArrivalCheck(Instant at, String office, List<Seal> seals, List<String> differences) {

    public boolean sealsIntact() {
        return differences.isEmpty();
    }
}
