package io.epewatch.incident;

import org.springframework.modulith.events.Externalized;

/** An incident was opened: by the monitor, an EPE's notification or an officer (for notifications, issue 7.7). */
@Externalized("epewatch.incidents::#{enterpriseTaxCode()}")
public record IncidentOpened(long incidentId, String enterpriseTaxCode, IncidentKind kind, Incident.Origin origin) {
}
