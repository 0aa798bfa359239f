package io.epewatch.recognition.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.recognition.Picture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Back-pressure: under load the queue loses frames of vehicles it already has, never a whole vehicle. */
class RecognitionQueueTest {

    private static final Picture FRAME = new Picture(1, 1, new int[1]);

    private static RecognitionQueue.Task frame(String passage) {
        return new RecognitionQueue.Task(passage, FRAME, Instant.EPOCH);
    }

    @Test
    @DisplayName("a full queue drops a frame of the vehicle with most frames, oldest first, to let a new vehicle in")
    void dropsFramesOfTheSameVehicleFirst() throws InterruptedException {
        RecognitionQueue queue = new RecognitionQueue(4);
        assertThat(queue.offer(frame("truck-1"))).isTrue();
        assertThat(queue.offer(frame("truck-1"))).isTrue();
        assertThat(queue.offer(frame("truck-1"))).isTrue();
        assertThat(queue.offer(frame("truck-2"))).isTrue();
        assertThat(queue.offer(frame("truck-3"))).as("a new vehicle gets in").isTrue();
        assertThat(queue.framesDropped()).isEqualTo(1);
        List<String> order = drain(queue);
        assertThat(order).containsExactly("truck-1", "truck-1", "truck-2", "truck-3");
    }

    @Test
    @DisplayName("a full queue refuses another frame of a vehicle already waiting, and keeps a vehicle's only frame past capacity")
    void neverLosesAVehicle() {
        RecognitionQueue queue = new RecognitionQueue(2);
        queue.offer(frame("car-1"));
        queue.offer(frame("car-2"));
        assertThat(queue.offer(frame("car-1"))).as("car-1 already has a frame waiting").isFalse();
        assertThat(queue.offer(frame("car-3"))).as("car-3's only frame").isTrue();
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.vehiclesDropped()).isZero();
    }

    @Test
    @DisplayName("a vehicle whose frames were already read counts as seen: its new frames go first")
    void readFramesCount() throws InterruptedException {
        RecognitionQueue queue = new RecognitionQueue(2);
        queue.offer(frame("bus"));
        queue.done(queue.take().passage());
        queue.offer(frame("bus"));
        queue.offer(frame("van"));
        assertThat(queue.offer(frame("lorry"))).isTrue();
        assertThat(drain(queue)).containsExactly("van", "lorry");
        assertThat(queue.pending("bus")).isZero();
    }

    @Test
    @DisplayName("only a node far over its load (four times the capacity, every frame a different vehicle) loses a vehicle, and counts it")
    void hardLimit() {
        RecognitionQueue queue = new RecognitionQueue(1);
        for (int i = 0; i < 4; i++) {
            assertThat(queue.offer(frame("v" + i))).isTrue();
        }
        assertThat(queue.offer(frame("v4"))).isFalse();
        assertThat(queue.vehiclesDropped()).isEqualTo(1);
    }

    private static List<String> drain(RecognitionQueue queue) throws InterruptedException {
        List<String> out = new ArrayList<>();
        while (queue.size() > 0) {
            String passage = queue.take().passage();
            queue.done(passage);
            out.add(passage);
        }
        return out;
    }
}
