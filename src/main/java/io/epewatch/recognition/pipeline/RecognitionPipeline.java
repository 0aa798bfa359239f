package io.epewatch.recognition.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.epewatch.recognition.FrameRead;
import io.epewatch.recognition.FrameRecognition;
import io.epewatch.recognition.GateObservation;
import io.epewatch.recognition.Picture;
import io.epewatch.recognition.RecognitionThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gate camera frames to gate observations on this instance, Frigate-style, each stage plain: motion gate and
 * passages ({@link PassageSegmenter}: a still gate costs a thumbnail) → bounded queue with back-pressure → a pool of
 * recognition workers, one ONNX instance each → the passage's vote → one {@link GateObservation} per vehicle once the
 * gate is quiet again. A passage is voted when it has ended and its last frame is read.
 */
public final class RecognitionPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecognitionPipeline.class);

    /**
     * @param workers     recognition workers (one ONNX intra-op thread each: on a small machine one per core)
     * @param motionShare share of thumbnail cells that must change for a frame to count as motion
     */
    public record Settings(int workers, int queueCapacity, double motionShare, Duration quiet, Duration longest,
                           boolean readMovingOnly) {

        public Settings(int workers, int queueCapacity, double motionShare, Duration quiet, Duration longest) {
            this(workers, queueCapacity, motionShare, quiet, longest, true);
        }
    }

    /**
     * Counters since start; recognition time is summed over workers.
     *
     * @param stages milliseconds per stage summed over the frames read, and their mean share of the frame detected
     */
    public record Stats(long frames, long moving, long recognised, long framesDropped, long vehiclesDropped,
                        long vehicles, long recognitionMillis, double motionMillis, FrameRead.Stages stages) {
    }

    private final Settings settings;
    private final Supplier<FrameRecognition> recognitions;
    private final Consumer<GateObservation> sink;
    private final RecognitionQueue queue;
    private final PassageSegmenter segmenter;
    /** The vote of each passage with a frame read or waiting; gone once voted. */
    private final Map<String, Voting> votes = new ConcurrentHashMap<>();
    /** Passages the segmenter has ended that still have frames waiting to be read. */
    private final Set<PassageSegmenter.Ended> ended = new LinkedHashSet<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong moving = new AtomicLong();
    private final AtomicLong recognised = new AtomicLong();
    private final AtomicLong vehicles = new AtomicLong();
    private final AtomicLong recognitionNanos = new AtomicLong();
    private final StageTotals stages = new StageTotals();
    private volatile boolean running = true;

    public RecognitionPipeline(Settings settings, Supplier<FrameRecognition> recognitions, Consumer<GateObservation> sink) {
        this.settings = settings;
        this.recognitions = recognitions;
        this.sink = sink;
        this.queue = new RecognitionQueue(settings.queueCapacity());
        this.segmenter = new PassageSegmenter(settings.motionShare(), settings.quiet(), settings.longest());
    }

    /**
     * A frame from a gate camera. Returns whether it goes to recognition (false: nothing moved, or dropped under
     * load).
     */
    public boolean accept(GateCamera camera, Picture picture, Instant at) {
        return accept(camera, picture, () -> picture, at);
    }

    /**
     * The same, when the picture is cheaper to glance at than to have whole (a JPEG decoded at a quarter of its size
     * for the motion gate): {@code whole} is asked for only when something moved.
     */
    public boolean accept(GateCamera camera, Picture glance, Supplier<Picture> whole, Instant at) {
        frames.incrementAndGet();
        Optional<PassageSegmenter.Moving> seen = segmenter.see(camera, glance, at);
        if (seen.isEmpty()) {
            return false;
        }
        moving.incrementAndGet();
        PassageSegmenter.Moving frame = seen.get();
        votes.computeIfAbsent(frame.passage(), id -> new Voting(camera));
        startWorkers();
        Picture picture = whole.get();
        return queue.offer(new RecognitionQueue.Task(frame.passage(), picture, at,
                settings.readMovingOnly() ? frame.region().box(picture) : null));
    }

    /**
     * Votes every passage that has been quiet since before {@code now - quiet} and whose frames are all read, and
     * hands its vehicles to the sink. Returns how many observations were made. One call at a time: a caller waits
     * for a vote already under way, so when this returns every passage quiet at {@code now} is recorded.
     */
    public synchronized int closeQuiet(Instant now) {
        ended.addAll(segmenter.ended(now));
        int made = 0;
        for (PassageSegmenter.Ended passage : List.copyOf(ended)) {
            if (queue.pending(passage.passage()) > 0) {
                continue;
            }
            ended.remove(passage);
            queue.close(passage.passage());
            Voting voting = votes.remove(passage.passage());
            if (voting == null) {
                continue;
            }
            for (GateObservation observation : voting.vote.observations(voting.camera, passage.passage())) {
                try {
                    sink.accept(observation);
                    vehicles.incrementAndGet();
                    made++;
                } catch (RuntimeException e) {
                    log.warn("Could not record {}: {}", observation, e.getMessage());
                }
            }
        }
        return made;
    }

    /** Whether every accepted frame has been read. */
    public boolean idle() {
        return queue.idle();
    }

    public Stats stats() {
        return new Stats(frames.get(), moving.get(), recognised.get(), queue.framesDropped(), queue.vehiclesDropped(),
                vehicles.get(), recognitionNanos.get() / 1_000_000, segmenter.motionMillis(), stages.total());
    }

    private void startWorkers() {
        synchronized (workers) {
            if (!workers.isEmpty() || !running) {
                return;
            }
            RecognitionThreads threads = new RecognitionThreads("gate-recognition");
            for (int i = 0; i < settings.workers(); i++) {
                Thread worker = threads.newThread(this::work);
                workers.add(worker);
                worker.start();
            }
        }
    }

    private void work() {
        try (FrameRecognition recognition = recognitions.get()) {
            while (running) {
                RecognitionQueue.Task task = queue.take();
                try {
                    long start = System.nanoTime();
                    FrameRead read = recognition.read(task.picture(), task.moving());
                    recognitionNanos.addAndGet(System.nanoTime() - start);
                    stages.add(read.stages());
                    recognised.incrementAndGet();
                    Voting voting = votes.get(task.passage());
                    if (voting != null) {
                        voting.vote.add(new PassageVote.Seen(task.at(), task.picture(), read));
                    }
                } catch (RuntimeException e) {
                    log.warn("Recognition failed on a frame of {}: {}", task.passage(), e.toString());
                } finally {
                    queue.done(task.passage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (workers) {
            workers.forEach(Thread::interrupt);
        }
    }

    /** The stages of every frame read, summed; the share of the frame detected, averaged. */
    private static final class StageTotals {

        private double crop;
        private double detect;
        private double recognise;
        private double grammar;
        private double pixels;
        private long frames;

        synchronized void add(FrameRead.Stages s) {
            crop += s.crop();
            detect += s.detect();
            recognise += s.recognise();
            grammar += s.grammar();
            pixels += s.pixels();
            frames++;
        }

        synchronized FrameRead.Stages total() {
            return new FrameRead.Stages(crop, detect, recognise, grammar, frames == 0 ? 0 : pixels / frames);
        }
    }

    private record Voting(GateCamera camera, PassageVote vote) {

        Voting(GateCamera camera) {
            this(camera, new PassageVote());
        }
    }
}
