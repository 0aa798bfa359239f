/**
 * Where vehicles are (R4.4, R4.5, R5.7): geofences (EPE sites, ports, ICDs, border gates), GPS positions from the
 * Ministry of Transport feed and trackers (batch JSON, CSV, the OsmAnd HTTP protocol), each placed in its geofence,
 * and trips — a vehicle carrying a declaration's goods from one zone to another within an expected time. Publishes
 * {@link io.epewatch.tracking.PositionsRecorded} and {@link io.epewatch.tracking.TripChanged}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "declaration", "gate", "identity", "kernel", "registry"})
package io.epewatch.tracking;
