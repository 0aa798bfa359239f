package io.epewatch.recognition.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SequencedSet;
import java.util.function.Consumer;

import io.epewatch.kernel.InvalidInputException;
import io.epewatch.recognition.FrameRead;
import io.epewatch.recognition.GateObservation;
import io.epewatch.recognition.Picture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passages a recognition worker is reading from one partition of the camera instances' frames (issue 22), and
 * how far the partition may be marked done. A passage is voted and its vehicles recorded when its end arrives, when
 * its camera starts another passage (the camera instance that sent it died and another took the camera over), or
 * when no frame of it came for {@code abandonedAfter}.
 * <p>
 * The partition is done up to the first frame of the oldest passage not yet recorded: a worker that takes the
 * partition over after a crash reads every open passage again from its first frame. Frames of a passage whose first
 * frame it did not see (recorded before the crash) or which it has voted already are left out; a passage voted twice
 * all the same records nothing twice, as its gate events are keyed by passage and vehicle.
 */
public final class WorkerPassages {

    private static final Logger log = LoggerFactory.getLogger(WorkerPassages.class);
    /** Passages voted, remembered so that their late frames and their end are left out. */
    private static final int REMEMBERED = 1_000;

    private final Duration abandonedAfter;
    private final Consumer<GateObservation> sink;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Map<GateCamera, String> currentOf = new HashMap<>();
    private final SequencedSet<String> voted = new LinkedHashSet<>();
    /** Voted passages whose vehicles could not be recorded yet (the database away): tried again on every call. */
    private final List<Unrecorded> unrecorded = new ArrayList<>();
    private long next = -1;

    /** @param sink records a vehicle; when it fails (but for invalid input) it is given the vehicle again later */
    public WorkerPassages(Duration abandonedAfter, Consumer<GateObservation> sink) {
        this.abandonedAfter = abandonedAfter;
        this.sink = sink;
    }

    /** Whether frame {@code seq} of {@code passage} is worth reading: false for one voted, or begun before this worker saw it. */
    public synchronized boolean wants(String passage, int seq) {
        return !voted.contains(passage) && (open.containsKey(passage) || seq == 0);
    }

    /** Frame {@code offset} of the partition, read: joins its passage, which it opens, closing the camera's one before. */
    public synchronized void frame(long offset, GateCamera camera, String passage, Instant at, Picture picture, FrameRead read,
                                   Instant now) {
        done(offset);
        String before = currentOf.put(camera, passage);
        if (before != null && !before.equals(passage)) {
            vote(before);
        }
        Open current = open.computeIfAbsent(passage, id -> new Open(camera, offset));
        current.lastFrame = now;
        current.vote.add(new PassageVote.Seen(at, picture, read));
    }

    /** The passage's end, at {@code offset}: it is voted. */
    public synchronized void end(long offset, String passage) {
        done(offset);
        vote(passage);
    }

    /** A record at {@code offset} left out (not wanted, or not a frame at all). */
    public synchronized void skip(long offset) {
        done(offset);
    }

    /** Votes the passages without a frame since before {@code now - abandonedAfter}; returns how many. */
    public synchronized int abandon(Instant now) {
        retry();
        List<String> quiet = open.entrySet().stream()
                .filter(e -> Duration.between(e.getValue().lastFrame, now).compareTo(abandonedAfter) > 0)
                .map(Map.Entry::getKey).toList();
        quiet.forEach(this::vote);
        return quiet.size();
    }

    /** The offset the partition is done up to (the next to read after a restart), or empty before any record. */
    public synchronized OptionalLong doneUpTo() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        long upTo = next;
        for (Open passage : open.values()) {
            upTo = Math.min(upTo, passage.firstOffset);
        }
        for (Unrecorded passage : unrecorded) {
            upTo = Math.min(upTo, passage.firstOffset);
        }
        return OptionalLong.of(upTo);
    }

    /** Passages open now. */
    public synchronized int openPassages() {
        return open.size();
    }

    private void done(long offset) {
        next = Math.max(next, offset + 1);
        retry();
    }

    private void vote(String passage) {
        Open closing = open.remove(passage);
        if (closing == null) {
            return;
        }
        currentOf.remove(closing.camera, passage);
        voted.add(passage);
        if (voted.size() > REMEMBERED) {
            voted.removeFirst();
        }
        Unrecorded recording = new Unrecorded(closing.firstOffset, new ArrayList<>(closing.vote.observations(closing.camera, passage)));
        unrecorded.add(recording);
        retry();
    }

    /** Records what is waiting, in order; stops at the first failure, to try again later. */
    private void retry() {
        while (!unrecorded.isEmpty()) {
            Unrecorded first = unrecorded.get(0);
            while (!first.observations.isEmpty()) {
                try {
                    sink.accept(first.observations.get(0));
                } catch (InvalidInputException e) {
                    // never a gate event (the camera is no longer a gate camera, say): trying again will not help
                    log.warn("Could not record {}: {}", first.observations.get(0), e.getMessage());
                } catch (RuntimeException e) {
                    log.warn("Could not record {} yet: {}", first.observations.get(0), e.getMessage());
                    return;
                }
                first.observations.remove(0);
            }
            unrecorded.remove(0);
        }
    }

    private static final class Open {

        final GateCamera camera;
        final long firstOffset;
        final PassageVote vote = new PassageVote();
        Instant lastFrame;

        Open(GateCamera camera, long firstOffset) {
            this.camera = camera;
            this.firstOffset = firstOffset;
        }
    }

    private record Unrecorded(long firstOffset, List<GateObservation> observations) {
    }
}
