package io.epewatch.incident;

/** An incident was opened: by the monitor, an EPE's notification or an officer (for notifications, issue 7.7). */
public record IncidentOpened(long incidentId, String enterpriseTaxCode, IncidentKind kind, Incident.Origin origin) {
}
