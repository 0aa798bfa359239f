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
}
