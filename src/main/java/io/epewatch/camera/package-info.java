/**
 * Camera connectivity (R1.5, R1.7, R2.1, R2.2, R4.7): connectors (ONVIF, HTTP snapshot, RTSP), the 24/7 health
 * monitor and logbook, outage timelines, live view, per-camera access, device checks, and {@link
 * io.epewatch.camera.CameraFrames} — pictures for the system's own analysis (gate recognition).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cluster", "evidence", "identity", "kernel", "registry"})
package io.epewatch.camera;
