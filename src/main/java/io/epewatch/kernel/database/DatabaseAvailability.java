package io.epewatch.kernel.database;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;

/**
 * Whether the database answers now. The embedded server reports its own death the moment it happens and a probe
 * checks every second, so requests are answered 503 at once while the database is away instead of each waiting
 * for a connection, and health and readiness say DOWN within a second or two.
 */
public final class DatabaseAvailability implements ApplicationEventPublisherAware {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    /** Why the database is away and since when. */
    public record Outage(String reason, Instant since) {
    }

    private final AtomicReference<Outage> outage = new AtomicReference<>();
    private final List<Runnable> onRestored = new CopyOnWriteArrayList<>();
    private final List<Runnable> onLost = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile ApplicationEventPublisher events;

    DatabaseAvailability(Clock clock) {
        this.clock = clock;
    }

    public boolean available() {
        return outage.get() == null;
    }

    public Optional<Outage> outage() {
        return Optional.ofNullable(outage.get());
    }

    void lost(String reason) {
        if (outage.compareAndSet(null, new Outage(reason, clock.instant()))) {
            log.error("Database unavailable: {}. Requests are answered 503 until it is back.", reason);
            publish(ReadinessState.REFUSING_TRAFFIC);
            onLost.forEach(Runnable::run);
        }
    }

    void restored() {
        Outage previous = outage.getAndSet(null);
        if (previous != null) {
            log.warn("Database available again after {} ({})",
                    java.time.Duration.between(previous.since(), clock.instant()), previous.reason());
            publish(ReadinessState.ACCEPTING_TRAFFIC);
            onRestored.forEach(Runnable::run);
        }
    }

    /** Runs {@code action} (quickly, on the thread that noticed) each time the database goes away. */
    void onLost(Runnable action) {
        onLost.add(action);
    }

    /** Runs {@code action} (quickly; on the probe's thread) each time the database is back after an outage. */
    void onRestored(Runnable action) {
        onRestored.add(action);
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
        this.events = publisher;
    }

    private void publish(ReadinessState state) {
        ApplicationEventPublisher publisher = events;
        if (publisher != null) {
            try {
                AvailabilityChangeEvent.publish(publisher, this, state);
            } catch (RuntimeException e) {
                log.debug("Readiness change not published: {}", e.getMessage());
            }
        }
    }
}
