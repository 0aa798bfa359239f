package io.epewatch.camera.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.epewatch.camera.CameraState;

/**
 * The debounced state of one camera, a pure function of its probes: a new state is taken only after every probe for
 * {@code debounce} has suggested it, so a flapping link does not write the logbook or page anyone each time. The change
 * is dated from the first probe that suggested it (when the outage began, not when we were sure). DEGRADED waits
 * longer, {@code degradedConfirmation}: a picture problem opens a legal incident too (R2.3), and is harder to be sure of
 * than a camera that does not answer.
 */
final class StateDebounce {

    /** A state change to record: from, to, since when, and why. */
    record Change(CameraState from, CameraState to, Instant since, String reason) {
    }

    private final Duration debounce;
    private final Duration degradedConfirmation;
    private CameraState current;
    private CameraState candidate;
    private Instant candidateSince;
    private String candidateReason;

    StateDebounce(CameraState initial, Duration debounce) {
        this(initial, debounce, debounce);
    }

    StateDebounce(CameraState initial, Duration debounce, Duration degradedConfirmation) {
        this.current = initial;
        this.debounce = debounce;
        this.degradedConfirmation = degradedConfirmation.compareTo(debounce) > 0 ? degradedConfirmation : debounce;
    }

    CameraState current() {
        return current;
    }

    Optional<Change> observe(ProbeResult probe) {
        if (probe.state() == current) {
            candidate = null;
            return Optional.empty();
        }
        if (probe.state() != candidate) {
            candidate = probe.state();
            candidateSince = probe.at();
            candidateReason = probe.reason();
        }
        Duration wait = candidate == CameraState.DEGRADED ? degradedConfirmation : debounce;
        if (Duration.between(candidateSince, probe.at()).compareTo(wait) < 0) {
            return Optional.empty();
        }
        Change change = new Change(current, candidate, candidateSince, candidateReason);
        current = candidate;
        candidate = null;
        return Optional.of(change);
    }
}
