package io.epewatch.planning;

import java.time.LocalDateTime;

/**
 * A check of an enterprise by an officer at a given local time (Vietnam).
 *
 * @param unscheduled drawn on top of the monthly rotation, more likely for riskier enterprises (R4.3)
 */
record PlannedCheck(String enterpriseTaxCode, String officer, LocalDateTime at, boolean unscheduled) {
}
