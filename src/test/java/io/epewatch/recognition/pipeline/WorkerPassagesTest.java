package io.epewatch.recognition.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.epewatch.kernel.InvalidInputException;
import io.epewatch.recognition.Box;
import io.epewatch.recognition.FrameRead;
import io.epewatch.recognition.GateObservation;
import io.epewatch.recognition.Picture;
import io.epewatch.recognition.Reading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a recognition worker's passages for one partition of the frames topic — when each is voted, what a
 * worker taking the partition over after a crash reads again, and that nothing is recorded twice or lost.
 */
class WorkerPassagesTest {

    private static final GateCamera GATE_1 = new GateCamera("0312345678", "C01", "IN");
    private static final GateCamera GATE_2 = new GateCamera("0312345678", "Cổng-2", "OUT");
    private static final Picture FRAME = new Picture(200, 100, new int[200 * 100]);
    private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    private final List<GateObservation> recorded = new ArrayList<>();

    private static FrameRead plate(String text) {
        return new FrameRead(List.of(), List.of(new Reading(Reading.Kind.PLATE, text, 0.9, new Box(10, 10, 120, 30), null)));
    }

    private void frame(WorkerPassages passages, long offset, GateCamera camera, String passage, int second, String plate) {
        passages.frame(offset, camera, passage, T0.plusSeconds(second), FRAME, plate(plate), T0.plusSeconds(second));
    }

    @Test
    @DisplayName("a passage is voted at its end, once; the partition is done past it only then")
    void votedAtItsEnd() {
        WorkerPassages passages = new WorkerPassages(Duration.ofMinutes(2), recorded::add);
        frame(passages, 10, GATE_1, "p1", 0, "51C-123.45");
        frame(passages, 11, GATE_1, "p1", 1, "51C-123.45");
        assertThat(recorded).isEmpty();
        assertThat(passages.doneUpTo()).as("the open passage's first frame").hasValue(10);

        passages.end(12, "p1");
        assertThat(recorded).singleElement().satisfies(o -> {
            assertThat(o.plate().text()).isEqualTo("51C-123.45");
            assertThat(o.eventKey()).isEqualTo("p1/0");
            assertThat(o.direction()).isEqualTo("IN");
            assertThat(o.source()).isEqualTo("recognition");
        });
        assertThat(passages.doneUpTo()).hasValue(13);

        passages.end(13, "p1");
        assertThat(passages.wants("p1", 2)).as("a late frame of a voted passage").isFalse();
        assertThat(recorded).as("its end twice is voted once").hasSize(1);
    }

    @Test
    @DisplayName("two cameras interleaved: done up to the first frame of the oldest passage not recorded")
    void oldestOpenHoldsThePartition() {
        WorkerPassages passages = new WorkerPassages(Duration.ofMinutes(2), recorded::add);
        frame(passages, 0, GATE_1, "a", 0, "51C-123.45");
        frame(passages, 1, GATE_2, "b", 0, "61C-246.80");
        frame(passages, 2, GATE_1, "a", 1, "51C-123.45");
        passages.end(3, "a");
        assertThat(passages.doneUpTo()).as("b began at 1").hasValue(1);
        passages.end(4, "b");
        assertThat(passages.doneUpTo()).hasValue(5);
        assertThat(recorded).extracting(o -> o.plate().text()).containsExactly("51C-123.45", "61C-246.80");
    }

    @Test
    @DisplayName("a worker that takes over reads from there: passages begun before are left out, open ones read whole and keyed alike")
    void takeOverAfterACrash() {
        WorkerPassages first = new WorkerPassages(Duration.ofMinutes(2), recorded::add);
        frame(first, 0, GATE_1, "a", 0, "51C-123.45");
        frame(first, 1, GATE_2, "b", 0, "61C-246.80");
        frame(first, 2, GATE_1, "a", 1, "51C-123.45");
        first.end(3, "a");
        long resumeAt = first.doneUpTo().orElseThrow();
        // the worker dies here: b is open, a is recorded

        List<GateObservation> again = new ArrayList<>();
        WorkerPassages second = new WorkerPassages(Duration.ofMinutes(2), again::add);
        assertThat(resumeAt).isEqualTo(1);
        // offset 1 is b's first frame; offset 2 is a's second frame, of a passage begun before 1
        assertThat(second.wants("b", 0)).isTrue();
        frame(second, 1, GATE_2, "b", 0, "61C-246.80");
        assertThat(second.wants("a", 1)).as("a began before the worker's first record: recorded already").isFalse();
        second.skip(2);
        second.end(3, "a");
        second.end(4, "b");
        assertThat(again).as("a is not voted again from half its frames").extracting(GateObservation::eventKey).containsExactly("b/0");
        assertThat(recorded).extracting(GateObservation::eventKey).containsExactly("a/0");
    }

    @Test
    @DisplayName("a camera instance killed mid-passage: the camera's next passage, or silence, closes the one left open")
    void abandonedPassages() {
        WorkerPassages passages = new WorkerPassages(Duration.ofMinutes(2), recorded::add);
        frame(passages, 0, GATE_1, "dead/1", 0, "51C-123.45");
        // the camera's new owner starts passages of its own
        frame(passages, 1, GATE_1, "alive/1", 30, "50LD-044.11");
        assertThat(recorded).extracting(GateObservation::eventKey).containsExactly("dead/1/0");

        frame(passages, 2, GATE_2, "dead/2", 31, "61C-246.80");
        assertThat(passages.abandon(T0.plusSeconds(31 + 60))).isZero();
        assertThat(passages.abandon(T0.plusSeconds(31 + 121))).as("alive/1 and dead/2 silent for over 2 minutes").isEqualTo(2);
        assertThat(recorded).extracting(GateObservation::eventKey).containsExactly("dead/1/0", "alive/1/0", "dead/2/0");
        assertThat(passages.doneUpTo()).hasValue(3);
    }

    @Test
    @DisplayName("the database away: the vote is kept, the partition not marked done past it, and recorded once it is back")
    void databaseAway() {
        boolean[] away = {true};
        Consumer<GateObservation> sink = o -> {
            if (away[0]) {
                throw new IllegalStateException("connection refused");
            }
            recorded.add(o);
        };
        WorkerPassages passages = new WorkerPassages(Duration.ofMinutes(2), sink);
        frame(passages, 5, GATE_1, "p", 0, "51C-123.45");
        passages.end(6, "p");
        assertThat(recorded).isEmpty();
        assertThat(passages.doneUpTo()).as("held at p's first frame").hasValue(5);
        away[0] = false;
        passages.abandon(T0);
        assertThat(recorded).extracting(GateObservation::eventKey).containsExactly("p/0");
        assertThat(passages.doneUpTo()).hasValue(7);
    }

    @Test
    @DisplayName("a vehicle that can never be a gate event (camera no longer a gate) is left out, not retried for ever")
    void invalidObservationDropped() {
        WorkerPassages passages = new WorkerPassages(Duration.ofMinutes(2), o -> {
            throw new InvalidInputException("cameraNumber", "notAGateCamera", "camera C01 watches a STORAGE, not a gate");
        });
        frame(passages, 0, GATE_1, "p", 0, "51C-123.45");
        passages.end(1, "p");
        assertThat(passages.doneUpTo()).hasValue(2);
    }
}
