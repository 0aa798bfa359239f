package io.epewatch.recognition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.epewatch.camera.CameraFleet;
import io.epewatch.camera.CameraFrames;
import io.epewatch.registry.Camera;
import io.epewatch.registry.LocationKind;
import io.epewatch.registry.SiteDiagram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps every gate camera's pictures flowing into {@link GateRecognition} (R1.2, R4.5: around the clock): one
 * virtual thread per camera pulls a picture every {@code frame-interval} and hands it over; a camera that cannot be
 * reached is retried with a growing pause (its outage is the health monitor's business, not ours). The camera list
 * is refreshed every minute. On by default (R4.5: the analysis runs around the clock); {@code
 * epewatch.recognition.watch.enabled=false} turns it off on a node that should not read cameras.
 */
@Service
class GateWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GateWatch.class);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    /** Wide enough for the motion gate's 64×36 cells. */
    private static final int GLANCE_WIDTH = 320;

    private final SiteDiagram diagram;
    private final CameraFleet fleet;
    private final CameraFrames frames;
    private final GateRecognition recognition;
    private final Clock clock;
    private final boolean enabled;
    private final Duration frameInterval;
    private final Map<Long, Thread> watched = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    GateWatch(SiteDiagram diagram, CameraFleet fleet, CameraFrames frames, GateRecognition recognition, Clock clock,
              RecognitionProperties settings) {
        this.diagram = diagram;
        this.fleet = fleet;
        this.frames = frames;
        this.recognition = recognition;
        this.clock = clock;
        this.enabled = settings.watch().enabled();
        this.frameInterval = settings.watch().frameInterval();
    }

    @Scheduled(initialDelayString = "${epewatch.recognition.watch.initial-delay:10s}", fixedDelay = 60_000)
    void refresh() {
        if (!enabled || !running) {
            return;
        }
        Map<Long, Camera> gates = fleet.mine(diagram.allConnectable()).stream()
                .filter(c -> c.locationKind() == LocationKind.GATE || c.locationKind() == LocationKind.WAREHOUSE_GATE)
                .collect(Collectors.toMap(Camera::id, c -> c));
        for (Long gone : Set.copyOf(watched.keySet())) {
            if (!gates.containsKey(gone)) {
                watched.remove(gone).interrupt();
            }
        }
        gates.forEach((id, camera) -> watched.computeIfAbsent(id, k -> Thread.ofVirtual()
                .name("gate-watch-" + camera.enterpriseTaxCode() + "-" + camera.number())
                .start(() -> watch(camera, null))));
    }

    /** Gate cameras gained or lost by this instance are watched, or let go, at once. */
    @EventListener
    void on(CameraFleet.CameraFleetChanged change) {
        refresh();
    }

    /**
     * Feeds the camera's pictures to recognition until {@code howLong} has passed (null: until stopped). Returns how
     * many pictures were handed over.
     */
    public int watch(Camera camera, Duration howLong) {
        Instant until = howLong == null ? Instant.MAX : clock.instant().plus(howLong);
        Duration pause = frameInterval;
        int pictures = 0;
        while (running && !Thread.currentThread().isInterrupted() && clock.instant().isBefore(until)) {
            try (CameraFrames.Source source = frames.open(camera)) {
                pause = frameInterval;
                while (running && !Thread.currentThread().isInterrupted() && clock.instant().isBefore(until)) {
                    long started = System.nanoTime();
                    byte[] jpeg = source.next();
                    recognition.accept(camera, Picture.decode(jpeg, GLANCE_WIDTH), jpeg, clock.instant());
                    pictures++;
                    sleep(frameInterval.minusNanos(System.nanoTime() - started));
                }
            } catch (CameraFrames.Unavailable | IOException | UncheckedIOException e) {
                log.debug("Gate camera {}/{} gives no pictures ({}); retrying in {}", camera.enterpriseTaxCode(), camera.number(),
                        e.getMessage(), pause);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
        return pictures;
    }

    private static void sleep(Duration pause) {
        if (pause.isNegative() || pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        running = false;
        watched.values().forEach(Thread::interrupt);
    }
}
