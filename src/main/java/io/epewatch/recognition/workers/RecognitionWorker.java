package io.epewatch.recognition.workers;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.recognition.FrameRead;
import io.epewatch.recognition.FrameRecognition;
import io.epewatch.recognition.GateObservations;
import io.epewatch.recognition.Picture;
import io.epewatch.recognition.RecognitionProperties;
import io.epewatch.recognition.pipeline.WorkerPassages;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A recognition worker (issue 22, profile {@code recognition}): reads the frames the camera instances send, with one
 * model per consumer thread, votes each passage and records its vehicles as gate events. The workers share the
 * topic's partitions as one consumer group ({@code epewatch.recognition.remote.group}, {@code epewatch-recognition}); a partition is marked done only up to the first frame of its oldest
 * passage not yet recorded, so the worker that takes it over after a crash reads those passages whole again (and
 * records nothing twice: see {@link WorkerPassages}).
 */
@Component
@ConditionalOnProperty(name = {"epewatch.kafka.enabled", "epewatch.recognition.remote.read"}, havingValue = "true")
class RecognitionWorker implements ConsumerSeekAware, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecognitionWorker.class);

    private final GateObservations observations;
    private final Clock clock;
    private final RecognitionProperties settings;
    private final Map<TopicPartition, WorkerPassages> partitions = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
    /** One model per consumer thread: a model is not to be shared between threads. */
    private final Map<Thread, FrameRecognition> models = new ConcurrentHashMap<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong leftOut = new AtomicLong();
    private final AtomicLong vehicles = new AtomicLong();

    RecognitionWorker(GateObservations observations, Clock clock, RecognitionProperties settings, MeterRegistry meters) {
        this.observations = observations;
        this.clock = clock;
        this.settings = settings;
        FunctionCounter.builder("epewatch.recognition.worker.frames", read, AtomicLong::get)
                .description("frames from the camera instances read by this worker").register(meters);
        FunctionCounter.builder("epewatch.recognition.worker.left-out", leftOut, AtomicLong::get)
                .description("records of the frames topic left out: unreadable, or of passages voted already").register(meters);
        FunctionCounter.builder("epewatch.recognition.worker.vehicles", vehicles, AtomicLong::get)
                .description("vehicles this worker voted and recorded as gate events (a repeat recorded once counts again)")
                .register(meters);
        Gauge.builder("epewatch.recognition.worker.open-passages", partitions,
                p -> p.values().stream().mapToInt(WorkerPassages::openPassages).sum())
                .description("passages this worker is reading").register(meters);
    }

    @KafkaListener(id = "recognition-workers", topics = GateFrameTopic.NAME, groupId = "${epewatch.recognition.remote.group:epewatch-recognition}",
            containerFactory = "gateFrameListeners", properties = {
            "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
            // a worker group new to the topic reads what the topic still holds (an hour): no passage is skipped
            "auto.offset.reset=earliest",
            // a 1080p frame takes up to a few hundred milliseconds to read
            "max.poll.records=10"})
    void on(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        WorkerPassages passages = partitions.computeIfAbsent(partition, p -> newPassages());
        long offset = record.offset();
        try {
            switch (GateFrameTopic.read(record)) {
                case GateFrameTopic.End end -> passages.end(offset, end.passage());
                case GateFrameTopic.Frame frame when passages.wants(frame.passage(), frame.seq()) -> {
                    Picture picture = Picture.decode(frame.jpeg());
                    FrameRead seen = model().read(picture, settings.readMovingOnly() ? frame.region().box(picture) : null);
                    read.incrementAndGet();
                    passages.frame(offset, frame.camera(), frame.passage(), frame.at(), picture, seen, clock.instant());
                }
                case GateFrameTopic.Frame frame -> {
                    leftOut.incrementAndGet();
                    passages.skip(offset);
                }
            }
        } catch (RuntimeException e) {
            // a record no camera instance of ours wrote, a picture that is not one, a frame the models fail on: left
            // out, as the local pipeline leaves out a frame it cannot read
            leftOut.incrementAndGet();
            log.warn("Left out record {} of {}: {}", offset, partition, e.toString());
            passages.skip(offset);
        }
        commit(partition, passages, consumer);
    }

    private void commit(TopicPartition partition, WorkerPassages passages, Consumer<?, ?> consumer) {
        passages.doneUpTo().ifPresent(upTo -> {
            if (upTo > committed.getOrDefault(partition, -1L)) {
                try {
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(upTo)));
                    committed.put(partition, upTo);
                } catch (KafkaException e) {
                    log.info("Could not mark {} done up to {} ({}); the next record tries again", partition, upTo, e.getMessage());
                }
            }
        });
    }

    /** Passages whose camera instance stopped sending mid-passage are voted on what came. */
    @Scheduled(fixedDelayString = "${epewatch.recognition.close-every:1s}")
    void abandonSilentPassages() {
        partitions.values().forEach(p -> p.abandon(clock.instant()));
    }

    private WorkerPassages newPassages() {
        return new WorkerPassages(settings.remote().abandonedAfter(), observation -> {
            observations.record(observation);
            vehicles.incrementAndGet();
        });
    }

    private FrameRecognition model() {
        return models.computeIfAbsent(Thread.currentThread(), t -> FrameRecognition.load(1, settings.detectionSize()));
    }

    /** A partition newly ours starts afresh from where it was marked done: its open passages are read again whole. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assignments.keySet().forEach(p -> {
            partitions.put(p, newPassages());
            committed.remove(p);
        });
        log.info("Recognition worker reads {}", assignments.keySet());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        revoked.forEach(p -> {
            partitions.remove(p);
            committed.remove(p);
        });
    }

    @Override
    public void destroy() {
        models.values().forEach(FrameRecognition::close);
    }
}
