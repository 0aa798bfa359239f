package io.epewatch.camera.connector;

/** Pictures from one camera, one after another, for as long as someone watches (R4.7). */
public interface LiveFeed extends AutoCloseable {

    /** The next picture as JPEG; waits for it, within the connector's timeout. */
    byte[] next() throws CameraFailure;

    /** Stops the feed and releases its connection. */
    @Override
    void close();
}
