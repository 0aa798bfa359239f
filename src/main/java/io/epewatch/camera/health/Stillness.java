package io.epewatch.camera.health;

import java.time.Duration;
import java.time.Instant;

import io.epewatch.camera.connector.FrameSample;

/**
 * Since when a camera's picture has not changed. A frozen picture is judged over a window, not between two probes:
 * two probes can land on the same moment of a scene that repeats, or on a lane with nothing in it (issue 15).
 */
record Stillness(FrameSample picture, Instant since) {

    /** The stillness after seeing {@code seen} at {@code at}: unchanged, or a new picture still since now. */
    Stillness next(FrameSample seen, Instant at) {
        return seen.sameAs(picture) ? this : new Stillness(seen, at);
    }

    Duration until(Instant at) {
        return Duration.between(since, at);
    }
}
