package io.epewatch.camera;

import io.epewatch.camera.connector.CameraAddress;
import io.epewatch.camera.connector.CameraConnectors;
import io.epewatch.camera.connector.CameraFailure;
import io.epewatch.camera.connector.LiveFeed;
import io.epewatch.registry.Camera;
import io.epewatch.registry.CameraCredentials;
import org.springframework.stereotype.Service;

/**
 * A camera's pictures for the system's own analysis (gate recognition): the same connectors, SSRF guard and
 * credentials as the monitor, no person watching, so no live-view audit.
 */
@Service
public class CameraFrames {

    private final CameraConnectors connectors;
    private final CameraCredentials credentials;

    CameraFrames(CameraConnectors connectors, CameraCredentials credentials) {
        this.connectors = connectors;
        this.credentials = credentials;
    }

    /** Pictures one after another until closed. */
    public Source open(Camera camera) throws Unavailable {
        try {
            LiveFeed feed = connectors.feed(CameraAddress.of(camera, credentials.forSystemUse(camera)));
            return new Source() {
                @Override
                public byte[] next() throws Unavailable {
                    try {
                        return feed.next();
                    } catch (CameraFailure failure) {
                        throw new Unavailable(failure.reason());
                    }
                }

                @Override
                public void close() {
                    feed.close();
                }
            };
        } catch (CameraFailure failure) {
            throw new Unavailable(failure.reason());
        }
    }

    /** A running feed of JPEG pictures. */
    public interface Source extends AutoCloseable {

        byte[] next() throws Unavailable;

        @Override
        void close();
    }

    /** The camera could not be reached or gave no picture; the reason names why, never the credentials. */
    public static class Unavailable extends Exception {

        public Unavailable(String reason) {
            super(reason);
        }
    }
}
