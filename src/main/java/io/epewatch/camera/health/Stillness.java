package io.epewatch.camera.health;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Since when a camera has sent the very same picture, byte for byte. A live sensor never does: its noise changes
 * some pixels of every frame, so even a still scene with no burnt-in clock — an empty yard at night — gives a new
 * JPEG each time (issue 20: such cameras read FROZEN when pictures that merely looked alike counted). A hung encoder or
 * a frozen recorder channel repeats one buffer, and that is what FROZEN_IMAGE means. The picture compared is the
 * snapshot as the camera sent it, or for RTSP the last decoded frame of the probe's window; judged over
 * {@code frozenAfter}, never between two probes alone.
 */
record Stillness(byte[] fingerprint, Instant since) {

    static Stillness of(byte[] picture, Instant at) {
        return new Stillness(fingerprint(picture), at);
    }

    /** The stillness after seeing {@code seen}: unchanged if it is the same picture, else a new one still since then. */
    Stillness next(Stillness seen, Instant at) {
        return Arrays.equals(fingerprint, seen.fingerprint()) ? this : new Stillness(seen.fingerprint(), at);
    }

    Duration until(Instant at) {
        return Duration.between(since, at);
    }

    private static byte[] fingerprint(byte[] picture) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(picture);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
