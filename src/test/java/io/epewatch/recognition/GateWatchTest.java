package io.epewatch.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEvents;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.registry.Camera;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.support.AllowedLoopbackCameras;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A simulated gate camera on 127.0.0.1, watched over HTTP like a real one, turns its passing truck into a gate event. */
@IntegrationTest
class GateWatchTest {

    @Autowired
    GateWatch watch;
    @Autowired
    GateRecognition recognition;
    @Autowired
    GateEvents gateEvents;
    @Autowired
    SiteDiagram diagram;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.epewatch.registry.CameraCredentials credentials;
    @Autowired
    io.epewatch.footage.PassageClips clips;

    @Test
    @DisplayName("R1.2 R4.5 a gate camera's truck, read from its snapshots (Digest auth), is recorded with plate and container")
    void watchedCameraBecomesGateEvents() throws InterruptedException {
        Fixtures.Site site = fixtures.site();
        String container = "MSKU4670691";
        try (SimulatedCamera simulated = AllowedLoopbackCameras.start(SimulatedCamera.Spec.of("G2", "cong-vao", "Mật-khẩu-2")
                .withSize(1280, 720, 10).showing("51D-678.90", "MSKU 467069 1"))) {
            // its recorder (Profile G) is reached over ONVIF: the passage's clip is replayed from it (issue 20)
            jdbc.sql("update camera set snapshot_url = ?, onvif_url = ?, stream_url = null where number = 'G2' and enterprise_id = "
                            + "(select id from enterprise where tax_code = ?)")
                    .params(simulated.snapshotUrl().toString(), simulated.onvifUrl().toString(), site.taxCode()).update();
            credentials.store(Fixtures.ADMIN, site.taxCode(), "G2", "cong-vao", "Mật-khẩu-2");
            Camera gate = diagram.findCamera(site.taxCode(), "G2").orElseThrow();

            // one crossing takes 8 s and the lane then stays empty 7 s: 16 s covers a whole passage
            int pictures = watch.watch(gate, Duration.ofSeconds(16));
            assertThat(pictures).isGreaterThan(10);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!recognition.idle() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            recognition.closeQuiet(Instant.now().plusSeconds(30));

            GateEvent read = gateEvents.latest(Set.of(site.taxCode()), 10).stream().filter(e -> "51D-678.90".equals(e.plate()))
                    .findFirst().orElseThrow();
            assertThat(read.source()).isEqualTo("recognition");
            deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (clips.status(read.id()).map(s -> s.state().equals("PENDING")).orElse(true) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(clips.status(read.id())).as("issue 20: the recognised passage keeps its clip")
                    .hasValueSatisfying(clip -> assertThat(clip.state()).as(String.valueOf(clip.reason())).isEqualTo("KEPT"));
        }
        List<GateEvent> events = gateEvents.latest(Set.of(site.taxCode()), 10);
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.cameraNumber()).isEqualTo("G2");
            assertThat(event.direction()).isEqualTo(GateEvent.Direction.IN);
        });
        assertThat(events).anySatisfy(event -> {
            assertThat(event.plate()).isEqualTo("51D-678.90");
            assertThat(event.containers()).extracting(c -> c.number()).containsExactly(container);
        });
        assertThat(ContainerNumber.parse(container).valid()).isTrue();
    }

    @Test
    @DisplayName("R1.2 R4.5 a camera watching a door used both ways records a truck coming towards it IN and one driving away OUT")
    void bothWaysCameraTellsTheDirection() throws InterruptedException {
        Fixtures.Site site = fixtures.site();
        try (SimulatedCamera simulated = AllowedLoopbackCameras.start(SimulatedCamera.Spec.of("G2", "cong-vao", "Mật-khẩu-2")
                .withSize(1280, 720, 10))) {
            simulated.drive(new io.epewatch.simulator.Traffic(Duration.ofSeconds(3), false, n -> n % 2 == 0
                    ? new io.epewatch.simulator.Traffic.Vehicle("51D-678.90", "MSKU 467069 1")
                    : new io.epewatch.simulator.Traffic.Vehicle("51C-246.80", "TEMU 270954 1"), true));
            jdbc.sql("update camera set snapshot_url = ?, stream_url = null, direction = 'BOTH' where number = 'G2' "
                            + "and enterprise_id = (select id from enterprise where tax_code = ?)")
                    .params(simulated.snapshotUrl().toString(), site.taxCode()).update();
            credentials.store(Fixtures.ADMIN, site.taxCode(), "G2", "cong-vao", "Mật-khẩu-2");
            Camera gate = diagram.findCamera(site.taxCode(), "G2").orElseThrow();

            // two crossings of 8 s, each followed by 3 s of empty lane
            watch.watch(gate, Duration.ofSeconds(22));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!recognition.idle() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            recognition.closeQuiet(Instant.now().plusSeconds(30));
        }
        List<GateEvent> events = gateEvents.latest(Set.of(site.taxCode()), 10);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.plate()).isEqualTo("51D-678.90");
            assertThat(e.direction()).as("it came towards the camera").isEqualTo(GateEvent.Direction.IN);
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.plate()).isEqualTo("51C-246.80");
            assertThat(e.direction()).as("it drove away").isEqualTo(GateEvent.Direction.OUT);
        });
    }
}
