package io.epewatch.recognition;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.epewatch.kernel.ContainerNumber;
import io.epewatch.recognition.pipeline.GateCamera;
import io.epewatch.recognition.pipeline.RecognitionPipeline;

/**
 * What one node sustains: trucks (each a distinct plate and container) pass one gate camera after another, as
 * fast as the pipeline takes them; the workers are the application's (one ONNX instance per core, one thread
 * each). Prints frames/s read, vehicles/s recorded, how many were read right, and frames dropped by back-pressure.
 * Usage: bench/recognition/throughput [SECONDS] [WIDTH] [whole] (default 60 s, 1280 px wide frames; {@code whole}
 * reads whole frames instead of the region that moved, to compare).
 */
public final class ThroughputBenchmark {

    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1280;
        boolean movingOnly = !(args.length > 2 && args[2].equals("whole"));
        int workers = Integer.getInteger("workers", Runtime.getRuntime().availableProcessors());
        AtomicInteger vehicles = new AtomicInteger();
        AtomicInteger right = new AtomicInteger();
        java.util.Map<String, String> expected = new java.util.concurrent.ConcurrentHashMap<>();
        RecognitionPipeline pipeline = new RecognitionPipeline(
                new RecognitionPipeline.Settings(workers, 32, 0.02, Duration.ofSeconds(3), Duration.ofSeconds(60), movingOnly),
                () -> FrameRecognition.load(1), observation -> {
                    vehicles.incrementAndGet();
                    String plate = observation.plate() == null ? null : observation.plate().text();
                    String container = observation.containers().isEmpty() ? null : observation.containers().get(0).text();
                    if (plate != null && container != null && container.equals(expected.get(plate))) {
                        right.incrementAndGet();
                    }
                });
        GateCamera camera = new GateCamera("0100000000", "G1", "IN");
        // warm-up: one truck, so model loading is not counted
        Instant clock = Instant.parse("2026-11-24T00:00:00Z");
        clock = pass(pipeline, camera, clock, width, 0, expected);
        awaitIdle(pipeline);
        pipeline.closeQuiet(clock.plusSeconds(10));
        RecognitionPipeline.Stats before = pipeline.stats();
        int vehiclesBefore = vehicles.get();
        int rightBefore = right.get();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        int truck = 1;
        while (System.nanoTime() < end) {
            clock = pass(pipeline, camera, clock, width, truck++, expected);
            // a real gate: the next truck arrives while this one is still being read; keep about a queue's worth waiting
            while (pipeline.stats().moving() - pipeline.stats().recognised() - pipeline.stats().framesDropped() > 24
                    && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            pipeline.closeQuiet(clock.minusSeconds(5));
        }
        awaitIdle(pipeline);
        pipeline.closeQuiet(clock.plusSeconds(10));
        double elapsed = (System.nanoTime() - start) / 1e9;
        RecognitionPipeline.Stats after = pipeline.stats();
        long read = after.recognised() - before.recognised();
        int recorded = vehicles.get() - vehiclesBefore;
        System.out.printf(Locale.ROOT, "%d workers, %d px frames, %.0f s: %d trucks passed, %d frames read (%.2f frames/s), "
                        + "%d frames dropped, %d vehicles recorded (%.2f vehicles/s), %d with plate and container right, "
                        + "%.0f ms recognition per frame%n",
                workers, width, elapsed, truck - 1, read, read / elapsed, after.framesDropped() - before.framesDropped(),
                recorded, recorded / elapsed, right.get() - rightBefore,
                (after.recognitionMillis() - before.recognitionMillis()) / (double) Math.max(1, read));
        double perFrame = Math.max(1, read);
        var stages = after.stages();
        var was = before.stages();
        System.out.printf(Locale.ROOT, "per frame read (%s): motion gate %.2f ms (per frame offered), detection %.1f ms, recognition %.1f ms, "
                        + "grammar %.2f ms, plate-crop path %.1f ms; detector saw %.0f %% of the frame on average%n",
                movingOnly ? "moving region" : "whole frame",
                (after.motionMillis() - before.motionMillis()) / Math.max(1, after.frames() - before.frames()),
                (stages.detect() - was.detect()) / perFrame, (stages.recognise() - was.recognise()) / perFrame,
                (stages.grammar() - was.grammar()) / perFrame, (stages.crop() - was.crop()) / perFrame, stages.pixels() * 100);
        System.out.printf(Locale.ROOT, "{\"workers\": %d, \"width\": %d, \"region\": \"%s\", \"frames_per_s\": %.2f, \"vehicles_per_s\": %.2f, \"vehicles\": %d, \"right\": %d, "
                        + "\"detect_ms\": %.1f, \"recognise_ms\": %.1f}%n",
                workers, width, movingOnly ? "moving" : "whole", read / elapsed, recorded / elapsed, recorded, right.get() - rightBefore,
                (stages.detect() - was.detect()) / perFrame, (stages.recognise() - was.recognise()) / perFrame);
        pipeline.close();
        System.exit(0);
    }

    /** One truck: two empty frames, six of it crossing, two empty; 400 ms apart on the camera's clock. */
    private static Instant pass(RecognitionPipeline pipeline, GateCamera camera, Instant clock, int width,
                                int truck, java.util.Map<String, String> expected) {
        String plate = String.format(Locale.ROOT, "51C-%03d.%02d", 100 + truck % 900, truck % 100);
        String container = ContainerNumber.withCheckDigit(String.format(Locale.ROOT, "MSKU%06d", 100000 + truck)).value();
        expected.put(plate, container);
        for (Picture frame : new PassingTruck(width, width * 9 / 16, plate, container).frames(2, 6)) {
            pipeline.accept(camera, frame, clock);
            clock = clock.plusMillis(400);
        }
        // the lane stays empty long enough for the passage to end
        return clock.plusSeconds(4);
    }

    private static void awaitIdle(RecognitionPipeline pipeline) throws InterruptedException {
        while (!pipeline.idle()) {
            Thread.sleep(20);
        }
    }

    private ThroughputBenchmark() {
    }
}
