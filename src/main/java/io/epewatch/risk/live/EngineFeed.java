package io.epewatch.risk.live;

import java.time.Duration;

import io.epewatch.cluster.LeaseLostException;
import io.epewatch.kernel.database.DatabaseAway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * This instance's one reader of the fact queue: woken when a transaction that queued a fact commits (and every second
 * in case a wake-up was missed, or another instance queued it), it hands each partition this instance holds its
 * waiting facts in groups until none is left. One reader per partition keeps the engine's order the queue's, and lets
 * a group share one commit, so facts queued by fifty concurrent requests cost a few commits rather than fifty. A
 * partition in trouble does not hold up the others.
 */
@Component
class EngineFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineFeed.class);
    /** Facts per transaction: large enough to share a commit widely, small enough to keep a group's lag short. */
    static final int GROUP = 256;
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final LiveAnalysis analysis;
    private final FactsQueued queued;
    private volatile boolean running;
    private Thread reader;

    EngineFeed(LiveAnalysis analysis, FactsQueued queued) {
        this.analysis = analysis;
        this.queued = queued;
    }

    @Override
    public void start() {
        running = true;
        reader = Thread.ofPlatform().name("risk-engine-feed").daemon().start(this::readWhileRunning);
    }

    @Override
    public void stop() {
        running = false;
        Thread stopping = reader;
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void readWhileRunning() {
        while (running) {
            boolean trouble = false;
            for (int part : analysis.held()) {
                try {
                    readAll(part);
                } catch (LeaseLostException e) {
                    log.info("Risk engine: {}", e.getMessage());
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    // the database away or busy (what waits stays queued), or the engine not loaded: shortly again
                    log.warn("Risk engine feed paused on partition {}: {}", part, e.toString());
                    trouble = true;
                }
            }
            try {
                if (trouble) {
                    Thread.sleep(IDLE);
                } else {
                    queued.await(IDLE);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readAll(int part) {
        while (running) {
            int read;
            try {
                read = analysis.readQueued(part, GROUP);
            } catch (LeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                if (databaseTrouble(e)) {
                    throw e;
                }
                // one fact of the group may be unreadable: the oldest alone, then the group again
                analysis.readOldestAlone(part);
                continue;
            }
            if (read < GROUP) {
                return;
            }
        }
    }

    /** The database away, or busy (a lock or serialization conflict): not the fault of the facts being read. */
    static boolean databaseTrouble(Throwable e) {
        if (DatabaseAway.causedBy(e)) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

}
