package io.epewatch.camera.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.camera.CameraState;
import io.epewatch.camera.connector.FrameSample;
import io.epewatch.camera.connector.Observation;
import io.epewatch.registry.CameraSpecs;

/**
 * Turns one observation of a live camera into ONLINE or DEGRADED: a black or frozen picture, a resolution or frame
 * rate below what the EPE declared (R1.8: the declared specs are what customs accepted), or a clock further off than
 * the limit (footage times are evidence, R2.2).
 */
final class QualityCheck {

    /** Measured frame rates wobble; a stream within this fraction of the declared rate is not short of it. */
    private static final double FPS_TOLERANCE = 0.8;

    private final Duration clockSkewLimit;
    private final Duration frozenAfter;

    QualityCheck(Duration clockSkewLimit, Duration frozenAfter) {
        this.clockSkewLimit = clockSkewLimit;
        this.frozenAfter = frozenAfter;
    }

    /** Judges one observation; {@code stillFor} is how long the picture has not changed, null when not known. */
    ProbeResult judge(java.time.Instant at, Observation seen, CameraSpecs declared, Duration stillFor) {
        List<String> findings = new ArrayList<>();
        FrameSample sample = seen.sample();
        if (sample != null && sample.black()) {
            findings.add("BLACK_IMAGE: mean brightness " + Math.round(sample.meanLuma()) + "/255");
        } else if (sample != null && stillFor != null && stillFor.compareTo(frozenAfter) >= 0) {
            findings.add("FROZEN_IMAGE: the picture has not changed for " + stillFor.toSeconds() + " s");
        }
        if (declared.resolutionWidth() != null && declared.resolutionHeight() != null && seen.width() != null && seen.height() != null
                && (long) seen.width() * seen.height() < (long) declared.resolutionWidth() * declared.resolutionHeight()) {
            findings.add("LOW_RESOLUTION: " + seen.width() + "×" + seen.height() + " below the declared "
                    + declared.resolutionWidth() + "×" + declared.resolutionHeight());
        }
        if (declared.frameRate() != null && seen.fps() != null && seen.fps() < declared.frameRate() * FPS_TOLERANCE) {
            findings.add("LOW_FRAME_RATE: " + String.format(java.util.Locale.ROOT, "%.1f", seen.fps()) + " fps below the declared "
                    + declared.frameRate());
        }
        if (seen.clockSkew() != null && seen.clockSkew().abs().compareTo(clockSkewLimit) > 0) {
            findings.add("CLOCK_SKEW: the camera's clock is " + Math.round(seen.clockSkew().toMillis() / 1000.0) + " s off (limit "
                    + clockSkewLimit.toSeconds() + " s)");
        }
        return findings.isEmpty()
                ? new ProbeResult(at, CameraState.ONLINE, seen.via() + ": picture received")
                : new ProbeResult(at, CameraState.DEGRADED, String.join("; ", findings));
    }
}
