package io.epewatch.recognition;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.epewatch.recognition.pipeline.GateCamera;
import io.epewatch.recognition.pipeline.PassageSegmenter;
import io.epewatch.recognition.pipeline.RecognitionPipeline;
import io.epewatch.recognition.pipeline.WorkerFeed;
import io.epewatch.registry.Camera;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Gate recognition on this node (R1.2, R4.5): frames from gate cameras in, gate events out, around the clock. The
 * models load on the first frame, so a node that recognises nothing spends nothing on them. With {@code
 * epewatch.recognition.remote.send} the node keeps only the motion gate and the passages and sends the moving frames
 * to recognition workers of their own (issue 22), which read and vote them.
 */
@Service
class GateRecognition implements DisposableBean {

    private final Clock clock;
    /** Reading here; null when the workers read. */
    private final RecognitionPipeline pipeline;
    /** Sending to the workers; null when reading here. */
    private final WorkerFeed feed;
    private final PassageSegmenter segmenter;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong moving = new AtomicLong();

    GateRecognition(GateObservations observations, Clock clock, MeterRegistry meters, RecognitionProperties settings,
                    ObjectProvider<WorkerFeed> feeds, @Value("${epewatch.kafka.enabled:false}") boolean kafka) {
        this.clock = clock;
        if ((settings.remote().send() || settings.remote().read()) && !kafka) {
            throw new IllegalStateException((settings.remote().send() ? "epewatch.recognition.remote.send"
                    : "epewatch.recognition.remote.read") + "=true needs Kafka: set epewatch.kafka.bootstrap-servers (issue 22)");
        }
        if (settings.remote().send()) {
            this.feed = feeds.getObject();
            this.segmenter = new PassageSegmenter(settings.motionShare(), settings.passageQuiet(), settings.passageLongest());
            this.pipeline = null;
        } else {
            int pool = settings.workers() > 0 ? settings.workers() : Runtime.getRuntime().availableProcessors();
            this.pipeline = new RecognitionPipeline(new RecognitionPipeline.Settings(pool, settings.queueCapacity(),
                    settings.motionShare(), settings.passageQuiet(), settings.passageLongest(), settings.readMovingOnly()),
                    () -> FrameRecognition.load(1, settings.detectionSize()), observations::record);
            this.feed = null;
            this.segmenter = null;
        }
        // for operators: is the node keeping up (dropped frames), is anything read at all
        counter(meters, "frames", "pictures handed to recognition", RecognitionPipeline.Stats::frames);
        counter(meters, "frames.moving", "pictures with motion, queued for reading (or sent to the workers)", RecognitionPipeline.Stats::moving);
        counter(meters, "frames.read", "pictures read by the models", RecognitionPipeline.Stats::recognised);
        counter(meters, "frames.dropped", "pictures dropped by back-pressure (of vehicles already seen)", RecognitionPipeline.Stats::framesDropped);
        counter(meters, "vehicles", "vehicles recorded as gate events", RecognitionPipeline.Stats::vehicles);
        counter(meters, "vehicles.dropped", "vehicles lost because the node was far over its load", RecognitionPipeline.Stats::vehiclesDropped);
    }

    /** Micrometer holds the measured object weakly: the bean itself, which lives as long as the application. */
    private void counter(MeterRegistry meters, String name, String description,
                         ToLongFunction<RecognitionPipeline.Stats> value) {
        FunctionCounter.builder("epewatch.recognition." + name, this, r -> value.applyAsLong(r.stats()))
                .description(description).register(meters);
    }

    /** A frame from a gate camera, taken at {@code at}; false when still or dropped under load. */
    public boolean accept(Camera camera, Picture frame, Instant at) {
        return accept(camera, frame, () -> frame, frame::jpeg, at);
    }

    /** A camera's JPEG, glanced at small for the motion gate, decoded whole (or sent as it is) only when something moved. */
    public boolean accept(Camera camera, Picture glance, byte[] jpeg, Instant at) {
        return accept(camera, glance, () -> Picture.decode(jpeg), () -> jpeg, at);
    }

    private boolean accept(Camera camera, Picture glance, Supplier<Picture> whole, Supplier<byte[]> jpeg, Instant at) {
        GateCamera gate = new GateCamera(camera.enterpriseTaxCode(), camera.number(), camera.direction());
        if (pipeline != null) {
            return pipeline.accept(gate, glance, whole, at);
        }
        frames.incrementAndGet();
        Optional<PassageSegmenter.Moving> seen = segmenter.see(gate, glance, at);
        seen.ifPresent(m -> {
            moving.incrementAndGet();
            feed.frame(gate, m, at, jpeg.get());
        });
        return seen.isPresent();
    }

    @Scheduled(fixedDelayString = "${epewatch.recognition.close-every:1s}")
    void closeQuietPassages() {
        closeQuiet(clock.instant());
    }

    /**
     * Votes the passages quiet at {@code now} (returns how many gate observations were made); with the workers
     * reading, tells them the passages have ended (returns 0: they record).
     */
    public int closeQuiet(Instant now) {
        if (pipeline != null) {
            return pipeline.closeQuiet(now);
        }
        segmenter.ended(now).forEach(feed::ended);
        return 0;
    }

    public boolean idle() {
        return pipeline == null || pipeline.idle();
    }

    public RecognitionPipeline.Stats stats() {
        return pipeline != null ? pipeline.stats()
                : new RecognitionPipeline.Stats(frames.get(), moving.get(), 0, 0, 0, 0, 0, segmenter.motionMillis(),
                        new FrameRead.Stages(0, 0, 0, 0, 0));
    }

    @Override
    public void destroy() {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
