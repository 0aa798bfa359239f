/**
 * Gate passages: a vehicle in or out of an EPE gate with the plate and container numbers read, from an edge ANPR
 * camera or any reader through the ingest API (later also from recognition and the manual gate log, R2.3).
 * Publishes {@link io.epewatch.gate.GateEventRecorded}.
 */
package io.epewatch.gate;
