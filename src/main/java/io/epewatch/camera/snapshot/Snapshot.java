package io.epewatch.camera.snapshot;

import java.time.Duration;
import java.time.Instant;

/** One JPEG frame fetched from a camera, with when it was fetched and how long it took. */
public record Snapshot(byte[] jpeg, Instant fetchedAt, Duration took) {

    @Override
    public String toString() {
        return "Snapshot[" + jpeg.length + " bytes at " + fetchedAt + " in " + took.toMillis() + " ms]";
    }
}
