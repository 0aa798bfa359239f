package io.epewatch.camera.connector;

import java.time.Duration;
import java.time.Instant;

/**
 * What one look at a camera showed. Fields a protocol cannot tell are null: a snapshot has no frame rate, RTSP has no
 * clock to compare.
 *
 * @param width     picture width as delivered (stream) or as configured on the camera (ONVIF profile)
 * @param fps       frames per second measured on the stream, or the profile's configured limit
 * @param clockSkew camera clock minus ours
 * @param jpeg      a picture, for evidence and live view
 * @param sample    a small fingerprint of the picture, for frozen/black detection
 */
public record Observation(Instant at, CameraConnector.Protocol via, Integer width, Integer height, Double fps,
                          Duration clockSkew, byte[] jpeg, FrameSample sample) {

    @Override
    public String toString() {
        return "Observation[" + via + " " + width + "x" + height + " @" + fps + " skew=" + clockSkew + " at " + at + "]";
    }
}
