package io.epewatch.recognition;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.epewatch.recognition.pipeline.RecognitionPipeline;
import io.epewatch.registry.Camera;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Gate recognition on this node (R1.2, R4.5): frames from gate cameras in, gate events out, around the clock. The
 * models load on the first frame, so a node that recognises nothing spends nothing on them.
 */
@Service
class GateRecognition implements DisposableBean {

    private final RecognitionPipeline pipeline;
    private final Clock clock;

    GateRecognition(GateObservations observations, Clock clock, MeterRegistry meters, RecognitionProperties settings) {
        this.clock = clock;
        int pool = settings.workers() > 0 ? settings.workers() : Runtime.getRuntime().availableProcessors();
        this.pipeline = new RecognitionPipeline(new RecognitionPipeline.Settings(pool, settings.queueCapacity(),
                settings.motionShare(), settings.passageQuiet(), settings.passageLongest(), settings.readMovingOnly()),
                () -> FrameRecognition.load(1, settings.detectionSize()), observations::record);
        // for operators: is the node keeping up (dropped frames), is anything read at all
        counter(meters, "frames", "pictures handed to recognition", RecognitionPipeline.Stats::frames);
        counter(meters, "frames.moving", "pictures with motion, queued for reading", RecognitionPipeline.Stats::moving);
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
        return accept(camera, frame, () -> frame, at);
    }

    /** A frame glanced at small for the motion gate, decoded whole only when something moved. */
    public boolean accept(Camera camera, Picture glance, Supplier<Picture> whole, Instant at) {
        return pipeline.accept(new RecognitionPipeline.GateCamera(camera.enterpriseTaxCode(), camera.number(),
                camera.direction()), glance, whole, at);
    }

    @Scheduled(fixedDelayString = "${epewatch.recognition.close-every:1s}")
    void closeQuietPassages() {
        pipeline.closeQuiet(clock.instant());
    }

    /** Votes the passages quiet at {@code now}; returns how many gate observations were made. */
    public int closeQuiet(Instant now) {
        return pipeline.closeQuiet(now);
    }

    public boolean idle() {
        return pipeline.idle();
    }

    public RecognitionPipeline.Stats stats() {
        return pipeline.stats();
    }

    @Override
    public void destroy() {
        pipeline.close();
    }
}
