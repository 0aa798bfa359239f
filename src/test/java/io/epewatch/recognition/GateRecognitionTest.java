package io.epewatch.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.epewatch.gate.GateEvent;
import io.epewatch.gate.GateEvents;
import io.epewatch.identity.AccessScope;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.registry.Camera;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Frames from a gate camera to one gate event, through the real models, voting and the gate module (R1.2). */
@IntegrationTest
class GateRecognitionTest {

    @Autowired
    GateRecognition recognition;
    @Autowired
    GateObservations observations;
    @Autowired
    GateEvents gateEvents;
    @Autowired
    SiteDiagram diagram;
    @Autowired
    Fixtures fixtures;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    @DisplayName("R1.2 a truck passing a gate camera becomes exactly one gate event with its plate and container, direction from the camera")
    void aPassingTruckIsOneGateEvent() throws InterruptedException {
        Fixtures.Site site = fixtures.site();
        Camera gate = diagram.findCamera(site.taxCode(), "G1").orElseThrow();
        String container = ContainerNumber.withCheckDigit("TGHU471923").value();
        List<Picture> frames = new PassingTruck(1280, 720, "51C-123.45", container).frames(3, 6);
        // the camera's clock runs with ours: the scheduled closer cannot end the passage before its frames are read
        Instant start = Instant.now();
        int queued = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (recognition.accept(gate, frames.get(i), start.plusMillis(400L * i))) {
                queued++;
            }
        }
        // the first frame counts as motion (nothing to compare with), the truck's six, and the lane emptying once
        assertThat(queued).as("still frames cost nothing").isBetween(7, 9);
        awaitIdle();
        recognition.closeQuiet(start.plusSeconds(60));

        List<GateEvent> events = gateEvents.latest(java.util.Set.of(site.taxCode()), 10);
        assertThat(events).hasSize(1);
        GateEvent event = events.get(0);
        assertThat(event.plate()).isEqualTo("51C-123.45");
        assertThat(event.containers()).extracting(c -> c.number()).containsExactly(container);
        assertThat(event.direction()).isEqualTo(GateEvent.Direction.OUT);
        assertThat(event.source()).isEqualTo("recognition");

        List<GateObservations.GateReading> readings = observations.readings(AccessScope.all(), event.id());
        assertThat(readings).extracting(GateObservations.GateReading::text).containsExactlyInAnyOrder("51C-123.45", container);
        assertThat(readings).allSatisfy(r -> {
            assertThat(r.frames()).as("voted over several frames").isGreaterThan(1);
            assertThat(r.status()).isEqualTo(ObservedText.Status.CONFIDENT);
            assertThat(r.cropEvidenceId()).isNotNull();
            assertThat(r.frameEvidenceId()).isNotNull();
        });

        // operators see it in the metrics (/actuator/prometheus)
        assertThat(meters.get("epewatch.recognition.vehicles").functionCounter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("epewatch.recognition.frames.read").functionCounter().count()).isGreaterThanOrEqualTo(7);

        // the same passage voted again (a restart replaying it) is not a second event
        recognition.closeQuiet(start.plusSeconds(120));
        assertThat(gateEvents.latest(java.util.Set.of(site.taxCode()), 10)).hasSize(1);
    }

    @Test
    @DisplayName("issue 21: a truck nothing can be read on (plate and container painted over) is one UNREAD passage, in the queue with its frame")
    void anUnreadableTruckIsAnUnreadPassage() throws InterruptedException {
        Fixtures.Site site = fixtures.site();
        Camera gate = diagram.findCamera(site.taxCode(), "G1").orElseThrow();
        List<Picture> frames = new PassingTruck(1280, 720, "HÀNG XE", "VẬN TẢI HOA").frames(3, 6);
        Instant start = Instant.now();
        for (int i = 0; i < frames.size(); i++) {
            recognition.accept(gate, frames.get(i), start.plusMillis(400L * i));
        }
        awaitIdle();
        recognition.closeQuiet(start.plusSeconds(60));

        List<GateEvent> events = gateEvents.latest(java.util.Set.of(site.taxCode()), 10);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.unread()).isTrue();
            assertThat(event.direction()).isEqualTo(GateEvent.Direction.OUT);
        });
        List<GateObservations.GateReading> readings = observations.readings(AccessScope.all(), events.get(0).id());
        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ObservedText.Status.UNREAD);
            assertThat(r.text()).isNull();
            assertThat(r.frameEvidenceId()).as("the frame with most writing").isNotNull();
            assertThat(r.note()).contains("frames");
        });
        assertThat(observations.toCheck(AccessScope.all(), 500)).anyMatch(c -> c.reading().gateEventId() == events.get(0).id());
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!recognition.idle() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(recognition.idle()).as("all frames read within 90 s").isTrue();
    }
}
