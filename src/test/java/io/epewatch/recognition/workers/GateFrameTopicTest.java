package io.epewatch.recognition.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.epewatch.recognition.pipeline.GateCamera;
import io.epewatch.recognition.pipeline.MovingRegion;
import io.epewatch.recognition.pipeline.PassageSegmenter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 22: what a camera instance puts on the frames topic is what a recognition worker reads back. */
class GateFrameTopicTest {

    private static final GateCamera GATE = new GateCamera("0312345678", "Cổng-số-2", "BOTH");

    private static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 3, 42L, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h));
        return record;
    }

    @Test
    @DisplayName("a frame keeps its camera (diacritics too), passage, place, time, region and JPEG; keyed by camera")
    void frameRoundTrip() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        Instant at = Instant.parse("2026-12-05T02:03:04.567Z");
        ProducerRecord<String, byte[]> sent = GateFrameTopic.frame(GATE,
                new PassageSegmenter.Moving("0312345678/Cổng-số-2/1/7", 4, new MovingRegion(0.125, 0.25, 0.75, 1)), at, jpeg);
        assertThat(sent.topic()).isEqualTo("epewatch.gate-frames");
        assertThat(sent.key()).isEqualTo("0312345678/Cổng-số-2");

        GateFrameTopic.Frame frame = (GateFrameTopic.Frame) GateFrameTopic.read(received(sent));
        assertThat(frame.camera()).isEqualTo(GATE);
        assertThat(frame.passage()).isEqualTo("0312345678/Cổng-số-2/1/7");
        assertThat(frame.seq()).isEqualTo(4);
        assertThat(frame.at()).isEqualTo(at);
        assertThat(frame.region()).isEqualTo(new MovingRegion(0.125, 0.25, 0.75, 1));
        assertThat(frame.jpeg()).isEqualTo(jpeg);
    }

    @Test
    @DisplayName("a passage's end is a record without a picture, with the number of frames sent")
    void endRoundTrip() {
        ProducerRecord<String, byte[]> sent = GateFrameTopic.end(new PassageSegmenter.Ended("p/1", GATE, 12));
        assertThat(sent.value()).isNull();
        assertThat(GateFrameTopic.read(received(sent))).isEqualTo(new GateFrameTopic.End(GATE, "p/1", 12));
    }

    @Test
    @DisplayName("a record that is not ours names the header that is missing or wrong")
    void garbageNamesTheHeader() {
        ConsumerRecord<String, byte[]> bare = new ConsumerRecord<>("epewatch.gate-frames", 0, 0L, "x", new byte[]{1});
        assertThatThrownBy(() -> GateFrameTopic.read(bare)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tax-code");

        ProducerRecord<String, byte[]> sent = GateFrameTopic.frame(GATE, new PassageSegmenter.Moving("p", 0, MovingRegion.WHOLE),
                Instant.EPOCH, new byte[]{1});
        ConsumerRecord<String, byte[]> badRegion = received(sent);
        badRegion.headers().remove("region");
        badRegion.headers().add("region", "0.5 0.5 0.2 0.9".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> GateFrameTopic.read(badRegion)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a region");
        ConsumerRecord<String, byte[]> badSeq = received(sent);
        badSeq.headers().remove("seq");
        badSeq.headers().add("seq", "vier".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> GateFrameTopic.read(badSeq)).hasMessageContaining("header seq");
    }
}
