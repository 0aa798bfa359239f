package io.epewatch.recognition.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.epewatch.recognition.Box;
import io.epewatch.recognition.FrameRead;
import io.epewatch.recognition.FrameRecognition;
import io.epewatch.recognition.GateObservation;
import io.epewatch.recognition.Picture;
import io.epewatch.recognition.RecognitionThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gate camera frames to gate observations, Frigate-style, each stage plain: motion gate (a still gate costs a
 * thumbnail) → bounded queue with back-pressure → a pool of recognition workers, one ONNX instance each → the
 * passage's vote → one {@link GateObservation} per vehicle once the gate is quiet again.
 * <p>
 * A passage is a run of frames with motion at one camera; it ends after {@code quiet} without motion (or after
 * {@code longest}, so a busy gate still reports) and is voted when its last frame is read.
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

    /** A gate camera as the pipeline needs it. */
    public record GateCamera(String enterpriseTaxCode, String number, String direction) {

        String key() {
            return enterpriseTaxCode + "/" + number;
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
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();
    private final Map<String, Passage> open = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong moving = new AtomicLong();
    private final AtomicLong recognised = new AtomicLong();
    private final AtomicLong vehicles = new AtomicLong();
    private final AtomicLong recognitionNanos = new AtomicLong();
    private final AtomicLong motionNanos = new AtomicLong();
    private final StageTotals stages = new StageTotals();
    private final AtomicInteger passageCount = new AtomicInteger();
    private volatile boolean running = true;

    public RecognitionPipeline(Settings settings, Supplier<FrameRecognition> recognitions, Consumer<GateObservation> sink) {
        this.settings = settings;
        this.recognitions = recognitions;
        this.sink = sink;
        this.queue = new RecognitionQueue(settings.queueCapacity());
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
        Track track = tracks.computeIfAbsent(camera.key(), k -> new Track(camera, new MotionGate(settings.motionShare())));
        Passage passage;
        MotionGate.Region region;
        synchronized (track) {
            long start = System.nanoTime();
            Optional<MotionGate.Region> change = track.motion.change(glance);
            motionNanos.addAndGet(System.nanoTime() - start);
            if (change.isEmpty()) {
                return false;
            }
            region = change.get();
            moving.incrementAndGet();
            passage = track.current == null ? null : open.get(track.current);
            if (passage == null || Duration.between(passage.lastMotion, at).compareTo(settings.quiet()) > 0
                    || Duration.between(passage.started, at).compareTo(settings.longest()) > 0) {
                passage = new Passage(camera.key() + "/" + at.toEpochMilli() + "/" + passageCount.incrementAndGet(), camera, at);
                open.put(passage.id, passage);
                track.current = passage.id;
            }
            passage.lastMotion = at.isAfter(passage.lastMotion) ? at : passage.lastMotion;
        }
        startWorkers();
        Picture picture = whole.get();
        return queue.offer(new RecognitionQueue.Task(passage.id, picture, at, settings.readMovingOnly() ? box(region, picture) : null));
    }

    private static Box box(MotionGate.Region region, Picture picture) {
        int x0 = (int) Math.floor(region.x0() * picture.width());
        int y0 = (int) Math.floor(region.y0() * picture.height());
        int x1 = (int) Math.ceil(region.x1() * picture.width());
        int y1 = (int) Math.ceil(region.y1() * picture.height());
        return new Box(x0, y0, Math.min(picture.width(), x1) - x0, Math.min(picture.height(), y1) - y0);
    }

    /**
     * Votes every passage that has been quiet since before {@code now - quiet} and whose frames are all read, and
     * hands its vehicles to the sink. Returns how many observations were made. One call at a time: a caller waits
     * for a vote already under way, so when this returns every passage quiet at {@code now} is recorded.
     */
    public synchronized int closeQuiet(Instant now) {
        int made = 0;
        for (Passage passage : List.copyOf(open.values())) {
            boolean quiet = Duration.between(passage.lastMotion, now).compareTo(settings.quiet()) > 0;
            if (!quiet || queue.pending(passage.id) > 0 || open.remove(passage.id) == null) {
                continue;
            }
            queue.close(passage.id);
            Track track = tracks.get(passage.camera.key());
            if (track != null) {
                synchronized (track) {
                    if (passage.id.equals(track.current)) {
                        track.current = null;
                    }
                }
            }
            List<PassageVote.Vehicle> voted = passage.vote.vehicles();
            for (int i = 0; i < voted.size(); i++) {
                PassageVote.Vehicle vehicle = voted.get(i);
                GateObservation observation = new GateObservation(passage.camera.enterpriseTaxCode(), passage.camera.number(),
                        vehicle.capturedAt(), direction(passage.camera, vehicle), vehicle.plate(), vehicle.containers(),
                        vehicle.best() == null ? null : vehicle.best().picture().jpeg(), "recognition", passage.id + "/" + i,
                        vehicle.note());
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
                vehicles.get(), recognitionNanos.get() / 1_000_000, motionNanos.get() / 1e6, stages.total());
    }

    /** The camera's configured direction wins; a camera that sees both ways tells by the vehicle coming closer. */
    private static String direction(GateCamera camera, PassageVote.Vehicle vehicle) {
        if ("IN".equals(camera.direction()) || "OUT".equals(camera.direction())) {
            return camera.direction();
        }
        return vehicle.approaching() ? "IN" : "OUT";
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
                    Passage passage = open.get(task.passage());
                    if (passage != null) {
                        passage.vote.add(new PassageVote.Seen(task.at(), task.picture(), read));
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

    private static final class Track {

        final GateCamera camera;
        final MotionGate motion;
        String current;

        Track(GateCamera camera, MotionGate motion) {
            this.camera = camera;
            this.motion = motion;
        }
    }

    private static final class Passage {

        final String id;
        final GateCamera camera;
        final Instant started;
        final PassageVote vote = new PassageVote();
        volatile Instant lastMotion;

        Passage(String id, GateCamera camera, Instant started) {
            this.id = id;
            this.camera = camera;
            this.started = started;
            this.lastMotion = started;
        }
    }
}
