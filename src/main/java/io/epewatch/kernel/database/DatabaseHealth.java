package io.epewatch.kernel.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the database as {@link DatabaseAvailability} knows it: answered at once, never by waiting for a pool
 * connection (a database that is away made the stock indicator take 30 s to say DOWN).
 */
final class DatabaseHealth implements HealthIndicator {

    private final DatabaseAvailability availability;
    private final String database;

    DatabaseHealth(DatabaseAvailability availability, String database) {
        this.availability = availability;
        this.database = database;
    }

    @Override
    public Health health() {
        return availability.outage()
                .map(outage -> Health.down().withDetail("database", database).withDetail("reason", outage.reason())
                        .withDetail("since", outage.since().toString()).build())
                .orElseGet(() -> Health.up().withDetail("database", database).build());
    }
}
