package io.epewatch.recognition.workers;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.recognition.pipeline.GateCamera;
import io.epewatch.recognition.pipeline.PassageSegmenter;
import io.epewatch.recognition.pipeline.WorkerFeed;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * A camera instance's moving frames onto the frames topic for the recognition workers (issue 22). Sent without
 * waiting: a frame is a glance, not a record — what is durable is the gate event a worker makes of the passage. A
 * frame Kafka refuses is counted and logged; its passage is voted on the frames that arrived.
 */
@Component
@ConditionalOnProperty(name = {"epewatch.kafka.enabled", "epewatch.recognition.remote.send"}, havingValue = "true")
class KafkaWorkerFeed implements WorkerFeed {

    private static final Logger log = LoggerFactory.getLogger(KafkaWorkerFeed.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    KafkaWorkerFeed(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        FunctionCounter.builder("epewatch.recognition.frames.sent", sent, AtomicLong::get)
                .description("moving frames sent to the recognition workers").register(meters);
        FunctionCounter.builder("epewatch.recognition.frames.unsent", failed, AtomicLong::get)
                .description("moving frames and passage ends Kafka did not take (a passage is voted without what is missing)").register(meters);
    }

    @Override
    public void frame(GateCamera camera, PassageSegmenter.Moving moving, Instant at, byte[] jpeg) {
        send(GateFrameTopic.frame(camera, moving, at, jpeg));
    }

    @Override
    public void ended(PassageSegmenter.Ended ended) {
        send(GateFrameTopic.end(ended));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).whenComplete((result, error) -> {
                if (error == null) {
                    if (record.value() != null) {
                        sent.incrementAndGet();
                    }
                } else {
                    failed.incrementAndGet();
                    log.warn("A gate frame for the recognition workers was not sent ({}): {}", record.key(), error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("A gate frame for the recognition workers was not sent ({}): {}", record.key(), e.getMessage());
        }
    }
}
