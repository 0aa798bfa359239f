package io.epewatch.recognition.workers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.epewatch.recognition.pipeline.GateCamera;
import io.epewatch.recognition.pipeline.MovingRegion;
import io.epewatch.recognition.pipeline.PassageSegmenter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The topic on which camera instances send their gate cameras' moving frames to the recognition workers (issue 22),
 * and its records: keyed by camera (one camera's frames in order on one partition), the camera's JPEG as the value
 * and the rest in headers — the passage, the frame's place in it, when it was taken and where it moved. A passage's
 * end is a record without a value. Frames are worth little after a while: the topic keeps them an hour (a setting).
 */
final class GateFrameTopic {

    static final String NAME = "epewatch.gate-frames";
    /** A 1080p camera JPEG is 0.2–1 MB; a 4K one may be more. */
    static final int LARGEST_FRAME = 8 * 1024 * 1024;

    private static final String TAX_CODE = "tax-code";
    private static final String CAMERA = "camera";
    private static final String DIRECTION = "direction";
    private static final String PASSAGE = "passage";
    private static final String SEQ = "seq";
    private static final String AT = "at";
    private static final String REGION = "region";
    private static final String FRAMES = "frames";

    /** What a record says. */
    sealed interface Message permits Frame, End {

        GateCamera camera();

        String passage();
    }

    record Frame(GateCamera camera, String passage, int seq, Instant at, MovingRegion region, byte[] jpeg) implements Message {
    }

    record End(GateCamera camera, String passage, int frames) implements Message {
    }

    private GateFrameTopic() {
    }

    static ProducerRecord<String, byte[]> frame(GateCamera camera, PassageSegmenter.Moving moving, Instant at, byte[] jpeg) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(NAME, camera.key(), jpeg);
        Headers headers = camera(record.headers(), camera, moving.passage());
        MovingRegion r = moving.region();
        put(headers, SEQ, String.valueOf(moving.seq()));
        put(headers, AT, at.toString());
        put(headers, REGION, String.format(Locale.ROOT, "%.6f %.6f %.6f %.6f", r.x0(), r.y0(), r.x1(), r.y1()));
        return record;
    }

    static ProducerRecord<String, byte[]> end(PassageSegmenter.Ended ended) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(NAME, ended.camera().key(), null);
        put(camera(record.headers(), ended.camera(), ended.passage()), FRAMES, String.valueOf(ended.frames()));
        return record;
    }

    /**
     * The record read back.
     *
     * @throws IllegalArgumentException naming the header that is missing or not what it should be
     */
    static Message read(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        GateCamera camera = new GateCamera(get(headers, TAX_CODE), get(headers, CAMERA), get(headers, DIRECTION));
        String passage = get(headers, PASSAGE);
        if (record.value() == null) {
            return new End(camera, passage, number(headers, FRAMES));
        }
        String[] region = get(headers, REGION).split(" ");
        try {
            return new Frame(camera, passage, number(headers, SEQ), Instant.parse(get(headers, AT)),
                    new MovingRegion(Double.parseDouble(region[0]), Double.parseDouble(region[1]), Double.parseDouble(region[2]),
                            Double.parseDouble(region[3])), record.value());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("header " + AT + ": not an instant", e);
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("header " + REGION + ": not four shares of the picture", e);
        }
    }

    private static Headers camera(Headers headers, GateCamera camera, String passage) {
        put(headers, TAX_CODE, camera.enterpriseTaxCode());
        put(headers, CAMERA, camera.number());
        put(headers, DIRECTION, camera.direction() == null ? "" : camera.direction());
        put(headers, PASSAGE, passage);
        return headers;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("header " + name + " missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int number(Headers headers, String name) {
        try {
            return Integer.parseInt(get(headers, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("header " + name + ": not a number", e);
        }
    }
}
