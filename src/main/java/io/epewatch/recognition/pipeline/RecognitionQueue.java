package io.epewatch.recognition.pipeline;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import io.epewatch.recognition.Box;
import io.epewatch.recognition.Picture;

/**
 * Frames waiting for a recognition worker, with back-pressure that loses frames, not vehicles: when full, a frame of
 * a vehicle that already has another frame waiting or read goes first (the one with most frames, oldest first);
 * the only frame of a vehicle is kept even past capacity, up to a hard limit that only a node far over its load
 * reaches — and that loss is counted apart.
 */
final class RecognitionQueue {

    /** @param moving where in the picture something moved, or null for all of it */
    record Task(String passage, Picture picture, Instant at, Box moving) {

        Task(String passage, Picture picture, Instant at) {
            this(passage, picture, at, null);
        }
    }

    private final int capacity;
    private final int hardLimit;
    private final Deque<Task> tasks = new ArrayDeque<>();
    /** Frames per passage waiting or taken by a worker. */
    private final Map<String, Integer> waiting = new HashMap<>();
    /** Passages with at least one frame read. */
    private final Map<String, Integer> read = new HashMap<>();
    private long framesDropped;
    private long vehiclesDropped;

    RecognitionQueue(int capacity) {
        this.capacity = capacity;
        this.hardLimit = capacity * 4;
    }

    /** @return false when the frame was dropped */
    synchronized boolean offer(Task task) {
        if (tasks.size() >= capacity) {
            Task victim = victim();
            if (victim != null) {
                tasks.remove(victim);
                forget(victim.passage);
                framesDropped++;
            } else if (framesOf(task.passage) > 0) {
                framesDropped++;
                return false;
            } else if (tasks.size() >= hardLimit) {
                framesDropped++;
                vehiclesDropped++;
                return false;
            }
        }
        tasks.addLast(task);
        waiting.merge(task.passage, 1, Integer::sum);
        notifyAll();
        return true;
    }

    synchronized Task take() throws InterruptedException {
        while (tasks.isEmpty()) {
            wait();
        }
        return tasks.removeFirst();
    }

    /** A worker finished a frame of this passage. */
    synchronized void done(String passage) {
        forget(passage);
        read.merge(passage, 1, Integer::sum);
        notifyAll();
    }

    /** Frames of the passage still waiting or being read. */
    synchronized int pending(String passage) {
        return waiting.getOrDefault(passage, 0);
    }

    /** The passage was voted on: nothing more will come for it. */
    synchronized void close(String passage) {
        read.remove(passage);
    }

    synchronized boolean idle() {
        return waiting.isEmpty();
    }

    synchronized long framesDropped() {
        return framesDropped;
    }

    synchronized long vehiclesDropped() {
        return vehiclesDropped;
    }

    synchronized int size() {
        return tasks.size();
    }

    private Task victim() {
        Task victim = null;
        int most = 1;
        for (Iterator<Task> it = tasks.iterator(); it.hasNext(); ) {
            Task task = it.next();
            int frames = framesOf(task.passage);
            if (frames > most) {
                victim = task;
                most = frames;
            }
        }
        return victim;
    }

    private int framesOf(String passage) {
        return waiting.getOrDefault(passage, 0) + read.getOrDefault(passage, 0);
    }

    private void forget(String passage) {
        waiting.computeIfPresent(passage, (k, n) -> n <= 1 ? null : n - 1);
    }
}
