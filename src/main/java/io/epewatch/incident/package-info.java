/**
 * Camera and channel incidents with their working-day deadlines (R1.6, R2.3–R2.5): opened by the health monitor, by
 * the EPE's Appendix II notification or by an officer; overdue and late notices; the assigned officer's daily
 * follow-up; the head's supervision measure; closed when the cameras are back. {@link io.epewatch.incident.Incidents}
 * is its API; publishes {@link io.epewatch.incident.IncidentOpened}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "calendar", "camera", "gate", "identity", "kernel", "registry"})
package io.epewatch.incident;
