/**
 * Outage timelines and availability per camera and enterprise, built from the logbook (R2.1): read by the monitor
 * pages and by the enterprise's risk score.
 */
@org.springframework.modulith.NamedInterface("timeline")
package io.epewatch.camera.timeline;
