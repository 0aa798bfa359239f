package io.epewatch.camera.health;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Notices when this process itself stalls (CPU starved by recognition, a long GC pause, a suspended VM): a thread that
 * sleeps 100 ms and finds it woke much later. A probe that overlapped a stall says nothing about the camera and is not
 * counted against it (issue 15).
 */
final class StallWatch implements AutoCloseable {

    private static final long TICK_NANOS = Duration.ofMillis(100).toNanos();
    private static final int REMEMBERED = 64;

    private final long thresholdNanos;
    private final Deque<long[]> stalls = new ArrayDeque<>();
    private final Thread ticker;

    StallWatch(Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
        this.ticker = Thread.ofPlatform().daemon().name("camera-stall-watch").start(this::tick);
    }

    private void tick() {
        while (!Thread.currentThread().isInterrupted()) {
            long before = System.nanoTime();
            try {
                Thread.sleep(Duration.ofNanos(TICK_NANOS));
            } catch (InterruptedException e) {
                return;
            }
            long woke = System.nanoTime();
            if (woke - before - TICK_NANOS > thresholdNanos) {
                synchronized (stalls) {
                    if (stalls.size() == REMEMBERED) {
                        stalls.removeFirst();
                    }
                    stalls.addLast(new long[] {before + TICK_NANOS, woke});
                }
            }
        }
    }

    /** Whether a stall overlapped {@code [fromNanos, toNanos]} ({@link System#nanoTime()} values). */
    boolean stalledDuring(long fromNanos, long toNanos) {
        synchronized (stalls) {
            return stalls.stream().anyMatch(s -> s[0] <= toNanos && s[1] >= fromNanos);
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
    }
}
