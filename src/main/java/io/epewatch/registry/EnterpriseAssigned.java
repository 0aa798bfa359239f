package io.epewatch.registry;

import java.time.Instant;

/**
 * An enterprise was registered, or moved to another managing sub-department: what depends on the unit (its risk
 * thresholds, its officers) follows it.
 */
public record EnterpriseAssigned(String taxCode, long managingUnitId, Instant at) {
}
