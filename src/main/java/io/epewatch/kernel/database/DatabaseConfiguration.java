package io.epewatch.kernel.database;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * PostgreSQL is the only database. Without {@code EPEWATCH_DB_URL} the application starts its own PostgreSQL with its
 * files under {@code ${epewatch.data-dir}/pg}, so a restart keeps everything. Either way the application connects as
 * a role that is not the schema owner, the migrations run as the owner, and a probe keeps
 * {@link DatabaseAvailability} true to what the database does now.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseAvailability databaseAvailability(Clock clock) {
        return new DatabaseAvailability(clock);
    }

    /** Closed after the pool, which depends on it: the server stops once nothing uses it. */
    @Bean
    io.epewatch.kernel.DataDir dataDir(DatabaseProperties properties) {
        return new io.epewatch.kernel.DataDir(properties.dataDir());
    }

    @Bean
    Database database(DatabaseProperties properties, DatabaseAvailability availability) throws IOException {
        DatabaseProperties.Db db = properties.db();
        if (db.external()) {
            log.info("Using external PostgreSQL at {}", db.url().replaceAll("password=[^&]*", "password=***"));
            return new ExternalDatabase(db);
        }
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        return EmbeddedPostgresServer.start(dataDir.resolve("pg"), dataDir.resolve("logs/postgresql.log"), db.fresh(),
                db.restartAfter(), availability);
    }

    @Bean
    DataSource dataSource(Database database, DatabaseProperties properties, DatabaseAvailability availability) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(database.applicationConnections());
        pool.setMaximumPoolSize(properties.db().poolSize());
        // a request waits this long for a connection, then is answered 503 (not 30 s, then 500)
        pool.setConnectionTimeout(properties.db().connectionTimeout().toMillis());
        pool.setValidationTimeout(Math.min(1000, properties.db().connectionTimeout().toMillis()));
        pool.setPoolName("epewatch");
        return new AvailableConnections(pool, availability);
    }

    @Bean(destroyMethod = "close")
    DatabaseProbe databaseProbe(Database database, DatabaseAvailability availability) {
        DatabaseProbe probe = new DatabaseProbe(database.applicationConnections(), availability, Duration.ofSeconds(1));
        probe.start();
        return probe;
    }

    /** Migrations run as the schema owner and grant the application's role what it may do ({@code ${appRole}}). */
    @Bean
    FlywayConfigurationCustomizer migrationsAsSchemaOwner(Database database) {
        return configuration -> configuration.dataSource(database.ownerConnections())
                .placeholders(Map.of("appRole", database.applicationRole()));
    }

    @Bean
    OutstandingEvents outstandingEvents(IncompleteEventPublications incomplete, DatabaseAvailability availability) {
        return new OutstandingEvents(incomplete, availability);
    }

    @Bean
    HealthIndicator dbHealthIndicator(DatabaseAvailability availability, Database database) {
        return new DatabaseHealth(availability, database.description());
    }
}
