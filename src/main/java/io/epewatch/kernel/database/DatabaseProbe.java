package io.epewatch.kernel.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database every second, on a connection of its own (never one of the pool, which load may exhaust),
 * whether it answers, and keeps {@link DatabaseAvailability} up to date: a server that died, hangs or is
 * unreachable is noticed within two seconds, and its return within one.
 */
final class DatabaseProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);
    private static final int ANSWER_WITHIN_SECONDS = 2;

    private final DataSource connections;
    private final DatabaseAvailability availability;
    private final Duration every;
    private final Thread thread;
    private volatile boolean closing;
    private Connection connection;

    DatabaseProbe(DataSource connections, DatabaseAvailability availability, Duration every) {
        this.connections = connections;
        this.availability = availability;
        this.every = every;
        this.thread = Thread.ofPlatform().daemon().name("database-probe").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (!closing) {
            check();
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check() {
        try {
            if (connection == null) {
                connection = connections.getConnection();
            }
            if (connection.isValid(ANSWER_WITHIN_SECONDS)) {
                availability.restored();
                return;
            }
            forget();
            if (!closing) {
                availability.lost("PostgreSQL does not answer within " + ANSWER_WITHIN_SECONDS + " s");
            }
        } catch (SQLException e) {
            forget();
            if (!closing) {
                availability.lost("PostgreSQL cannot be reached: " + e.getMessage());
            }
        }
    }

    private void forget() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.trace("probe connection already broken", e);
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forget();
    }
}
