package io.epewatch.camera.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.epewatch.camera.CameraState;

/**
 * The debounced state of one camera, a pure function of its probes: a new state is taken only after every probe for
 * {@code debounce} has suggested it, so a flapping link does not write the logbook or page anyone each time. The change
 * is dated from the first probe that suggested it (when the outage began, not when we were sure). DEGRADED waits
 * longer, {@code degradedConfirmation}: a picture problem opens a legal incident too (R2.3), and is harder to be sure of
 * than a camera that does not answer.
 * <p>
 * A camera never confirmed is CHECKING, not ONLINE (issue 20): its first picture confirms it at once; a failure still
 * waits for the debounce. Within a state, a change of <em>what</em> is wrong — its reason codes, say LOW_FRAME_RATE
 * becoming FROZEN_IMAGE — is a change too, debounced the same way, so the logbook (R1.5) says what the picture
 * really did.
 */
final class StateDebounce {

    /** What a change is: another state, the first confirmation of a new camera, or another reason within the state. */
    enum Kind { STATE, CONFIRMED, REASON }

    /** A change to record: from, to, since when, and why. */
    record Change(CameraState from, CameraState to, Instant since, String reason, Kind kind) {

        Change(CameraState from, CameraState to, Instant since, String reason) {
            this(from, to, since, reason, Kind.STATE);
        }
    }

    private static final Pattern CODE = Pattern.compile("^\\s*([A-Z][A-Z_]{2,}):");

    private final Duration debounce;
    private final Duration degradedConfirmation;
    private CameraState current;
    private boolean confirmed;
    private Set<String> currentCodes;
    private CameraState candidate;
    private Instant candidateSince;
    private String candidateReason;
    private Set<String> reasonCandidate;
    private Instant reasonCandidateSince;

    StateDebounce(CameraState initial, Duration debounce) {
        this(initial, debounce, debounce);
    }

    StateDebounce(CameraState initial, Duration debounce, Duration degradedConfirmation) {
        this(initial, null, true, debounce, degradedConfirmation);
    }

    /**
     * @param initial   the state last recorded (ONLINE for a camera never confirmed: an outage is still a change from it)
     * @param reason    the reason last recorded
     * @param confirmed false for a camera whose first result is still awaited
     */
    StateDebounce(CameraState initial, String reason, boolean confirmed, Duration debounce, Duration degradedConfirmation) {
        this.current = initial;
        this.currentCodes = codes(reason);
        this.confirmed = confirmed;
        this.debounce = debounce;
        this.degradedConfirmation = degradedConfirmation.compareTo(debounce) > 0 ? degradedConfirmation : debounce;
    }

    CameraState current() {
        return current;
    }

    /** Whether the camera has a confirmed state; until then pages say CHECKING. */
    boolean confirmed() {
        return confirmed;
    }

    Optional<Change> observe(ProbeResult probe) {
        if (probe.state() == current) {
            candidate = null;
            if (!confirmed) {
                confirmed = true;
                currentCodes = codes(probe.reason());
                return Optional.of(new Change(current, current, probe.at(), probe.reason(), Kind.CONFIRMED));
            }
            return reasonChange(probe);
        }
        reasonCandidate = null;
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
        currentCodes = codes(candidateReason);
        confirmed = true;
        candidate = null;
        return Optional.of(change);
    }

    /** A fault that stays but changes its nature; ONLINE's reason ("picture received") never carries news. */
    private Optional<Change> reasonChange(ProbeResult probe) {
        Set<String> seen = codes(probe.reason());
        if (current == CameraState.ONLINE || seen.equals(currentCodes)) {
            reasonCandidate = null;
            return Optional.empty();
        }
        if (!seen.equals(reasonCandidate)) {
            reasonCandidate = seen;
            reasonCandidateSince = probe.at();
        }
        if (Duration.between(reasonCandidateSince, probe.at()).compareTo(debounce) < 0) {
            return Optional.empty();
        }
        currentCodes = seen;
        reasonCandidate = null;
        return Optional.of(new Change(current, current, reasonCandidateSince, probe.reason(), Kind.REASON));
    }

    /** The codes a reason starts its parts with: "LOW_FRAME_RATE: 0.9 fps …; CLOCK_SKEW: …" → both codes. */
    static Set<String> codes(String reason) {
        if (reason == null) {
            return Set.of();
        }
        return Arrays.stream(reason.split(";")).map(CODE::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toUnmodifiableSet());
    }
}
