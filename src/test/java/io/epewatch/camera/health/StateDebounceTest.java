package io.epewatch.camera.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.epewatch.camera.CameraState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StateDebounceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    private static ProbeResult at(int seconds, CameraState state) {
        return new ProbeResult(T0.plusSeconds(seconds), state, state == CameraState.ONLINE ? "ok" : "connection refused");
    }

    @Test
    @DisplayName("R1.5 a camera goes OFFLINE only after the debounce, dated from the first failed probe")
    void changesAfterTheDebounce() {
        StateDebounce camera = new StateDebounce(CameraState.ONLINE, Duration.ofSeconds(90));
        assertThat(camera.observe(at(0, CameraState.OFFLINE))).isEmpty();
        assertThat(camera.observe(at(30, CameraState.OFFLINE))).isEmpty();
        assertThat(camera.observe(at(60, CameraState.OFFLINE))).isEmpty();
        var change = camera.observe(at(90, CameraState.OFFLINE));
        assertThat(change).hasValueSatisfying(c -> {
            assertThat(c.from()).isEqualTo(CameraState.ONLINE);
            assertThat(c.to()).isEqualTo(CameraState.OFFLINE);
            assertThat(c.since()).isEqualTo(T0);
            assertThat(c.reason()).isEqualTo("connection refused");
        });
        assertThat(camera.current()).isEqualTo(CameraState.OFFLINE);
        assertThat(camera.observe(at(120, CameraState.OFFLINE))).as("no repeat while it stays down").isEmpty();
    }

    @Test
    @DisplayName("R2.3 a DEGRADED picture is recorded only after its longer confirmation window; OFFLINE keeps the short debounce")
    void degradedWaitsForItsConfirmation() {
        StateDebounce camera = new StateDebounce(CameraState.ONLINE, Duration.ofSeconds(60), Duration.ofMinutes(5));
        for (int t = 0; t < 300; t += 30) {
            assertThat(camera.observe(at(t, CameraState.DEGRADED))).as("at %d s", t).isEmpty();
        }
        assertThat(camera.observe(at(300, CameraState.DEGRADED))).hasValueSatisfying(c -> assertThat(c.since()).isEqualTo(T0));
        StateDebounce other = new StateDebounce(CameraState.ONLINE, Duration.ofSeconds(60), Duration.ofMinutes(5));
        other.observe(at(0, CameraState.OFFLINE));
        assertThat(other.observe(at(60, CameraState.OFFLINE))).isPresent();
    }

    @Test
    void aFlappingLinkChangesNothing() {
        StateDebounce camera = new StateDebounce(CameraState.ONLINE, Duration.ofSeconds(90));
        for (int t = 0; t < 600; t += 30) {
            assertThat(camera.observe(at(t, t % 60 == 0 ? CameraState.OFFLINE : CameraState.ONLINE))).isEmpty();
        }
        assertThat(camera.current()).isEqualTo(CameraState.ONLINE);
    }

    @Test
    void aDifferentBadStateRestartsTheWait() {
        StateDebounce camera = new StateDebounce(CameraState.ONLINE, Duration.ofSeconds(60));
        camera.observe(at(0, CameraState.DEGRADED));
        camera.observe(at(30, CameraState.OFFLINE));
        assertThat(camera.observe(at(60, CameraState.OFFLINE))).isEmpty();
        assertThat(camera.observe(at(90, CameraState.OFFLINE))).hasValueSatisfying(c -> assertThat(c.since()).isEqualTo(T0.plusSeconds(30)));
    }

    @Test
    @DisplayName("R2.3 R2.4 all cameras of an enterprise down together is a channel outage; otherwise equipment")
    void outageClassification() {
        assertThat(OutageKind.of(List.of(CameraState.OFFLINE, CameraState.OFFLINE, CameraState.OFFLINE))).isEqualTo(OutageKind.CHANNEL);
        assertThat(OutageKind.of(List.of(CameraState.OFFLINE, CameraState.ONLINE))).isEqualTo(OutageKind.EQUIPMENT);
        assertThat(OutageKind.of(List.of(CameraState.OFFLINE, CameraState.DEGRADED))).isEqualTo(OutageKind.EQUIPMENT);
        assertThat(OutageKind.of(List.of())).isEqualTo(OutageKind.EQUIPMENT);
    }

    private static ProbeResult at(int seconds, CameraState state, String reason) {
        return new ProbeResult(T0.plusSeconds(seconds), state, reason);
    }

    @Test
    @DisplayName("issue 20: a new camera is confirmed by its first picture at once; a failure still waits for the debounce")
    void aNewCameraIsCheckingUntilConfirmed() {
        StateDebounce healthy = new StateDebounce(CameraState.ONLINE, null, false, Duration.ofSeconds(90), Duration.ofMinutes(5));
        assertThat(healthy.confirmed()).isFalse();
        assertThat(healthy.observe(at(0, CameraState.ONLINE, "ONVIF: picture received"))).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(StateDebounce.Kind.CONFIRMED);
            assertThat(c.reason()).isEqualTo("ONVIF: picture received");
        });
        assertThat(healthy.confirmed()).isTrue();
        assertThat(healthy.observe(at(30, CameraState.ONLINE, "ONVIF: picture received"))).isEmpty();

        StateDebounce dead = new StateDebounce(CameraState.ONLINE, null, false, Duration.ofSeconds(90), Duration.ofMinutes(5));
        for (int t = 0; t < 90; t += 30) {
            assertThat(dead.observe(at(t, CameraState.OFFLINE))).isEmpty();
            assertThat(dead.confirmed()).as("still checking at %d s", t).isFalse();
        }
        assertThat(dead.observe(at(90, CameraState.OFFLINE))).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(StateDebounce.Kind.STATE);
            assertThat(c.to()).isEqualTo(CameraState.OFFLINE);
            assertThat(c.since()).isEqualTo(T0);
        });
        assertThat(dead.confirmed()).isTrue();
    }

    @Test
    @DisplayName("R1.5 issue 20: a fault that changes its nature is a change of reason once it holds; its numbers moving are not")
    void aChangeOfReasonIsLoggedOnceItHolds() {
        StateDebounce camera = new StateDebounce(CameraState.DEGRADED, "LOW_FRAME_RATE: 0.9 fps below the declared 25", true,
                Duration.ofSeconds(60), Duration.ofMinutes(5));
        assertThat(camera.observe(at(0, CameraState.DEGRADED, "LOW_FRAME_RATE: 1.4 fps below the declared 25"))).as("same fault").isEmpty();
        assertThat(camera.observe(at(30, CameraState.DEGRADED, "BLACK_IMAGE: mean brightness 3/255"))).isEmpty();
        assertThat(camera.observe(at(60, CameraState.DEGRADED, "FROZEN_IMAGE: the picture has not changed for 130 s"))).as("restarts").isEmpty();
        assertThat(camera.observe(at(90, CameraState.DEGRADED, "FROZEN_IMAGE: the picture has not changed for 160 s"))).isEmpty();
        assertThat(camera.observe(at(120, CameraState.DEGRADED, "FROZEN_IMAGE: the picture has not changed for 190 s"))).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(StateDebounce.Kind.REASON);
            assertThat(c.to()).isEqualTo(CameraState.DEGRADED);
            assertThat(c.since()).isEqualTo(T0.plusSeconds(60));
            assertThat(c.reason()).startsWith("FROZEN_IMAGE");
        });
        assertThat(camera.observe(at(150, CameraState.DEGRADED, "FROZEN_IMAGE: the picture has not changed for 220 s"))).isEmpty();
        assertThat(StateDebounce.codes("LOW_RESOLUTION: 640×360 below; CLOCK_SKEW: 180 s off")).containsExactlyInAnyOrder("LOW_RESOLUTION", "CLOCK_SKEW");
    }
}
