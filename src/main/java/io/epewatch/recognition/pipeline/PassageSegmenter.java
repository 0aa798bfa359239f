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

import io.epewatch.recognition.Picture;

/**
 * The first stage at a gate camera: its glances through the motion gate, the moving ones cut into passages. A
 * passage is a run of frames with motion at one camera; it ends after {@code quiet} without motion, or after {@code
 * longest} so a busy gate still reports. Whatever reads the frames — this instance's workers or a recognition worker
 * elsewhere (issue 22) — votes a passage once it has ended and its frames are read.
 */
public final class PassageSegmenter {

    /** A moving frame: the passage it belongs to, its place in it (0 for the first) and where in the picture it moved. */
    public record Moving(String passage, int seq, MovingRegion region) {
    }

    /** A passage that has ended after {@code frames} moving frames: no frame will join it any more. */
    public record Ended(String passage, GateCamera camera, int frames) {
    }

    private final double motionShare;
    private final Duration quiet;
    private final Duration longest;
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();
    private final Map<String, Passage> open = new ConcurrentHashMap<>();
    private final AtomicInteger passageCount = new AtomicInteger();
    private final AtomicLong motionNanos = new AtomicLong();

    public PassageSegmenter(double motionShare, Duration quiet, Duration longest) {
        this.motionShare = motionShare;
        this.quiet = quiet;
        this.longest = longest;
    }

    /** The camera's glance taken at {@code at}: the passage it is part of, or empty when nothing moved. */
    public Optional<Moving> see(GateCamera camera, Picture glance, Instant at) {
        Track track = tracks.computeIfAbsent(camera.key(), k -> new Track(camera, new MotionGate(motionShare)));
        synchronized (track) {
            long start = System.nanoTime();
            Optional<MovingRegion> change = track.motion.change(glance);
            motionNanos.addAndGet(System.nanoTime() - start);
            if (change.isEmpty()) {
                return Optional.empty();
            }
            Passage passage = track.current == null ? null : open.get(track.current);
            if (passage == null || Duration.between(passage.lastMotion, at).compareTo(quiet) > 0
                    || Duration.between(passage.started, at).compareTo(longest) > 0) {
                passage = new Passage(camera.key() + "/" + at.toEpochMilli() + "/" + passageCount.incrementAndGet(), camera, at);
                open.put(passage.id, passage);
                track.current = passage.id;
            }
            passage.lastMotion = at.isAfter(passage.lastMotion) ? at : passage.lastMotion;
            return Optional.of(new Moving(passage.id, passage.frames++, change.get()));
        }
    }

    /** The passages without motion since before {@code now - quiet}: each is returned once, then forgotten. */
    public List<Ended> ended(Instant now) {
        List<Ended> ended = new ArrayList<>();
        for (Passage passage : List.copyOf(open.values())) {
            Track track = tracks.get(passage.camera.key());
            synchronized (track) {
                if (Duration.between(passage.lastMotion, now).compareTo(quiet) <= 0 || open.remove(passage.id) == null) {
                    continue;
                }
                if (passage.id.equals(track.current)) {
                    track.current = null;
                }
            }
            ended.add(new Ended(passage.id, passage.camera, passage.frames));
        }
        return ended;
    }

    /** Milliseconds spent in the motion gate since start. */
    public double motionMillis() {
        return motionNanos.get() / 1e6;
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
        volatile Instant lastMotion;
        /** Moving frames so far; changed under the track's lock. */
        int frames;

        Passage(String id, GateCamera camera, Instant started) {
            this.id = id;
            this.camera = camera;
            this.started = started;
            this.lastMotion = started;
        }
    }
}
