package io.epewatch.kernel.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param dataDir  root of everything EPE Watch writes ({@code EPEWATCH_DATA_DIR}); the embedded database is in {@code pg/}
 * @param db       an external PostgreSQL; when its url is blank the embedded one is started
 */
@ConfigurationProperties("epewatch")
record DatabaseProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db) {

    /**
     * @param url               JDBC url of an external PostgreSQL ≥ 15 ({@code EPEWATCH_DB_URL}); blank = embedded
     * @param username          the application's role there ({@code EPEWATCH_DB_USERNAME}); not the schema owner
     * @param password          its password ({@code EPEWATCH_DB_PASSWORD}); never logged
     * @param migrationUsername the schema owner that runs the migrations ({@code EPEWATCH_DB_MIGRATION_USERNAME});
     *                          blank = the application's role (then nothing keeps it from the audit table's triggers)
     * @param migrationPassword its password ({@code EPEWATCH_DB_MIGRATION_PASSWORD}); never logged
     * @param fresh             wipe the embedded database before start (tests only)
     * @param poolSize          connection pool size
     * @param connectionTimeout how long a request waits for a pool connection before it is answered 503
     * @param restartAfter      how long after the embedded server died it is started again
     */
    record Db(String url, String username, String password, String migrationUsername, String migrationPassword,
              @DefaultValue("false") boolean fresh, @DefaultValue("10") int poolSize,
              @DefaultValue("2s") Duration connectionTimeout, @DefaultValue("1s") Duration restartAfter) {

        boolean external() {
            return url != null && !url.isBlank();
        }

        @Override
        public String toString() {
            return "Db[url=" + url + ", username=" + username + ", migrationUsername=" + migrationUsername + "]";
        }
    }
}
