package io.epewatch.planning;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** A sub-department's plan for a month and its checks, in time order. */
public record SupervisionPlan(long id, long unitId, YearMonth month, long seed, String generatedBy, Instant generatedAt,
                              List<SupervisionCheck> checks) {
}
