package io.epewatch.camera.connector;

/**
 * The port to a camera: one implementation per protocol, chosen per camera by {@link CameraConnectors}. Every call
 * is bounded by the connector's timeout, so a hung camera never holds up the others.
 */
public interface CameraConnector {

    enum Protocol { ONVIF, HTTP, RTSP }

    Protocol protocol();

    /** Whether this camera has the address this protocol needs. */
    boolean serves(CameraAddress address);

    /** Looks at the camera once: is it there, what does it deliver, and one picture. */
    Observation observe(CameraAddress address) throws CameraFailure;
}
