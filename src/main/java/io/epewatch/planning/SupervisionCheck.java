package io.epewatch.planning;

import java.time.Instant;
import java.time.LocalDateTime;

/** A check of a stored plan, with its result once recorded. */
public record SupervisionCheck(long id, long planId, String enterpriseTaxCode, String enterpriseName, String officer,
                               LocalDateTime at, boolean unscheduled, String movedBy, Checklist result, String resultBy,
                               Instant resultAt) {
}
