package io.epewatch.kernel.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Events whose listeners failed while the database was away stay in the publication registry; Spring Modulith hands
 * them out again only at start-up. So once the database is back, those older than {@link #SETTLED} (not merely still
 * queued) are resubmitted, and the warnings they lead to are raised without waiting for a restart. The listeners
 * are idempotent (the risk engine's fact log keys each fact by its source).
 */
final class OutstandingEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutstandingEvents.class);
    static final Duration SETTLED = Duration.ofSeconds(10);

    private final IncompleteEventPublications incomplete;
    private volatile Thread pending;

    OutstandingEvents(IncompleteEventPublications incomplete, DatabaseAvailability availability) {
        this.incomplete = incomplete;
        availability.onRestored(this::resubmitSoon);
    }

    private void resubmitSoon() {
        pending = Thread.ofVirtual().name("resubmit-outstanding-events").start(() -> {
            try {
                Thread.sleep(SETTLED);
                incomplete.resubmitIncompletePublicationsOlderThan(SETTLED);
                log.info("Events left unhandled during the database outage resubmitted");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: they are resubmitted at the next start
            } catch (RuntimeException e) {
                log.warn("Events left unhandled during the database outage not resubmitted yet (they are at the next "
                        + "start): {}", e.getMessage());
            }
        });
    }

    /** Stopping: a resubmission still waiting is left to the next start. */
    @Override
    public void close() {
        Thread waiting = pending;
        if (waiting != null) {
            waiting.interrupt();
        }
    }
}
