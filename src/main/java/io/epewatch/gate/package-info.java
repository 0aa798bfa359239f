/**
 * Gate passages: a vehicle in or out of an EPE gate with the plate and container numbers read — by an edge ANPR
 * camera, by this system's recognition of a gate camera's pictures, or by any reader through the ingest API.
 * Publishes {@link io.epewatch.gate.GateEventRecorded}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "kernel", "registry"})
package io.epewatch.gate;
