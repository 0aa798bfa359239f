package io.epewatch.kernel.database;

import java.nio.file.Path;

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
     * @param url      JDBC url of an external PostgreSQL ≥ 15 ({@code EPEWATCH_DB_URL}); blank = embedded
     * @param username its user ({@code EPEWATCH_DB_USERNAME})
     * @param password its password ({@code EPEWATCH_DB_PASSWORD}); never logged
     * @param fresh    wipe the embedded database before start (tests only)
     * @param poolSize connection pool size
     */
    record Db(String url, String username, String password, @DefaultValue("false") boolean fresh,
              @DefaultValue("10") int poolSize) {

        boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
