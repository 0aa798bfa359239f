package io.epewatch.recognition.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.epewatch.recognition.Box;
import io.epewatch.recognition.CharChoice;
import io.epewatch.recognition.FrameRead;
import io.epewatch.recognition.ObservedText;
import io.epewatch.recognition.PassingTruck;
import io.epewatch.recognition.Picture;
import io.epewatch.recognition.Reading;
import io.epewatch.recognition.TextLine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Multi-frame voting: one read per vehicle, combined confidence, best frame as evidence. */
class PassageVoteTest {

    private static final Picture FRAME = new PassingTruck(640, 360, "51C-123.45", "MSKU4670691").paint(0.5);
    private static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

    private static Reading plate(String text, double confidence, int width) {
        return new Reading(Reading.Kind.PLATE, text, confidence, new Box(100, 100, width, width / 4), null);
    }

    private static PassageVote.Seen seen(int second, Reading... readings) {
        return new PassageVote.Seen(T0.plusSeconds(second), FRAME, new FrameRead(List.of(), List.of(readings)));
    }

    @Test
    @DisplayName("frames that mostly agree give one plate whose confidence beats any single frame's")
    void agreeingFramesCombine() {
        PassageVote vote = new PassageVote();
        vote.add(seen(0, plate("51C-123.45", 0.7, 80)));
        vote.add(seen(1, plate("51C-128.45", 0.5, 100)));
        vote.add(seen(2, plate("51C-123.45", 0.8, 140)));
        List<PassageVote.Vehicle> vehicles = vote.vehicles();
        assertThat(vehicles).hasSize(1);
        ObservedText plate = vehicles.get(0).plate();
        assertThat(plate.text()).isEqualTo("51C-123.45");
        assertThat(plate.frames()).isEqualTo(2);
        // (1 - 0.3 * 0.2) scaled by the agreeing share 1.5 / 2.0
        assertThat(plate.confidence()).isCloseTo(0.94 * 0.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vehicles.get(0).best().at()).as("the frame where the plate is largest").isEqualTo(T0.plusSeconds(2));
        assertThat(vehicles.get(0).approaching()).isTrue();
        assertThat(plate.crop()).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    @DisplayName("two different plates in one passage are two vehicles; containers go with the vehicle they were seen with")
    void twoVehicles() {
        PassageVote vote = new PassageVote();
        Reading container = new Reading(Reading.Kind.CONTAINER, "MSKU4670691", 0.9, new Box(10, 10, 200, 40), null);
        vote.add(seen(0, plate("51C-123.45", 0.9, 100), container));
        vote.add(seen(1, plate("51C-123.45", 0.9, 100)));
        vote.add(seen(9, plate("30E-255.82", 0.9, 100)));
        List<PassageVote.Vehicle> vehicles = vote.vehicles();
        assertThat(vehicles).extracting(v -> v.plate().text()).containsExactly("51C-123.45", "30E-255.82");
        assertThat(vehicles.get(0).containers()).extracting(ObservedText::text).containsExactly("MSKU4670691");
        assertThat(vehicles.get(1).containers()).isEmpty();
    }

    @Test
    @DisplayName("a passage with containers but no plate read is still a vehicle; one with nothing read is none")
    void containersOnly() {
        PassageVote vote = new PassageVote();
        vote.add(seen(0, new Reading(Reading.Kind.CONTAINER, "MSKU4670691", 0.9, new Box(10, 10, 200, 40), null)));
        assertThat(vote.vehicles()).singleElement().satisfies(v -> assertThat(v.plate()).isNull());
        PassageVote nothing = new PassageVote();
        nothing.add(seen(0));
        assertThat(nothing.vehicles()).isEmpty();
    }

    private static PassageVote.Seen withWriting(int second, int... widths) {
        List<TextLine> lines = new java.util.ArrayList<>();
        for (int width : widths) {
            lines.add(new TextLine(new Box(100, 200, width, 30), List.of(new CharChoice('X', 0.2, Map.of('X', 0.2)))));
        }
        return new PassageVote.Seen(T0.plusSeconds(second), FRAME, new FrameRead(lines, List.of()));
    }

    @Test
    @DisplayName("issue 21: writing seen on a passing vehicle and never read makes an unread vehicle, its most legible frame kept")
    void unreadVehicle() {
        PassageVote vote = new PassageVote();
        vote.add(withWriting(0, 80));
        vote.add(withWriting(1, 120, 60));
        vote.add(withWriting(2));
        PassageVote.Vehicle vehicle = vote.vehicles().get(0);
        assertThat(vote.vehicles()).hasSize(1);
        assertThat(vehicle.plate()).isNull();
        assertThat(vehicle.containers()).isEmpty();
        assertThat(vehicle.best().at()).as("the frame with most writing").isEqualTo(T0.plusSeconds(1));
        assertThat(vehicle.best().picture()).isNotNull();
        assertThat(vehicle.capturedAt()).isEqualTo(T0);
        assertThat(vehicle.note()).contains("3 frames", "2 with writing");
    }

    @Test
    @DisplayName("issue 21: movement without writing (a person, a shadow), or writing in a single frame, is no vehicle")
    void movementWithoutWritingIsNoVehicle() {
        PassageVote person = new PassageVote();
        person.add(withWriting(0));
        person.add(withWriting(1));
        person.add(withWriting(2));
        assertThat(person.vehicles()).isEmpty();
        PassageVote glimpse = new PassageVote();
        glimpse.add(withWriting(0, 100));
        glimpse.add(withWriting(1));
        glimpse.add(withWriting(2));
        assertThat(glimpse.vehicles()).isEmpty();
        PassageVote brief = new PassageVote();
        brief.add(withWriting(0, 100));
        brief.add(withWriting(1, 100));
        assertThat(brief.vehicles()).as("two frames are too brief a passage").isEmpty();
    }

    @Test
    @DisplayName("a lone misread of the same truck (half out of the picture) is outvoted, not a second vehicle")
    void loneMisreadIsOutvoted() {
        PassageVote vote = new PassageVote();
        vote.add(seen(0, plate("50LD-044.11", 0.9, 100)));
        vote.add(seen(1, plate("50LD-044.11", 0.9, 110)));
        vote.add(seen(2, plate("50LD-044.11", 0.9, 120)));
        vote.add(seen(3, plate("50L-0044", 0.5, 90)));
        List<PassageVote.Vehicle> vehicles = vote.vehicles();
        assertThat(vehicles).singleElement().satisfies(v -> {
            assertThat(v.plate().text()).isEqualTo("50LD-044.11");
            assertThat(v.plate().frames()).isEqualTo(3);
            assertThat(v.plate().confidence()).as("the losing vote lowers the share").isLessThan(0.999 * 2.7 / 3.2 + 1e-9);
        });
    }

    @Test
    @DisplayName("a long passage keeps only its best few pictures (memory stays flat), and the evidence is still the best frame")
    void keepsFewPictures() {
        PassageVote vote = new PassageVote();
        for (int i = 0; i < 20; i++) {
            vote.add(seen(i, plate("51C-123.45", 0.9, 60 + 5 * i)));
        }
        PassageVote.Vehicle vehicle = vote.vehicles().get(0);
        assertThat(vehicle.plate().frames()).isEqualTo(20);
        assertThat(vehicle.best().at()).isEqualTo(T0.plusSeconds(19));
        assertThat(vehicle.plate().crop()).isNotNull();
    }
}
