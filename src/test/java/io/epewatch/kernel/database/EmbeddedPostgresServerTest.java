package io.epewatch.kernel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * An operator whose machine cannot run the embedded PostgreSQL learns why and what to do; a data directory made by an
 * earlier version (trust authentication, everything owned by the superuser) is closed and handed over at start.
 */
class EmbeddedPostgresServerTest {

    @Test
    void aClusterOfAnEarlierVersionGetsPasswordsRolesAndOwnersAtStart() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-legacy").resolve("pg");
        // what EPE Watch before issue 14 left: zonky's cluster, trust on loopback, tables owned by postgres
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
             Connection connection = earlier.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create table enterprise (tax_code text primary key)");
            connection.createStatement().execute("create table audit_log (id bigserial primary key)");
        }
        DatabaseAvailability availability = new DatabaseAvailability(Clock.systemUTC());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, dataDir.resolveSibling("postgresql.log"),
                false, Duration.ofSeconds(1), availability)) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(ClusterCredentials.FILE)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).contains("scram-sha-256").doesNotContain("trust");
            String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .as("no way in without the password any more").isInstanceOf(SQLException.class);
            try (Connection application = server.applicationConnections().getConnection()) {
                ResultSet owners = application.createStatement().executeQuery(
                        "select string_agg(distinct tableowner, ',') from pg_tables where schemaname = 'public'");
                owners.next();
                assertThat(owners.getString(1)).isEqualTo(ClusterCredentials.OWNER);
                ResultSet me = application.createStatement().executeQuery("select rolsuper from pg_roles where rolname = current_user");
                me.next();
                assertThat(me.getBoolean(1)).isFalse();
            }
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir, dataDir.resolveSibling("postgresql.log"),
                false, Duration.ofSeconds(1), new DatabaseAvailability(Clock.systemUTC()))) {
            assertThat(again.running()).as("the passwords kept are the ones in force").isTrue();
        }
    }

    @Test
    void aSecondInstanceOnTheSameDirectoryIsRefusedWithoutTouchingTheFirst() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-twice").resolve("pg");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, dataDir.resolveSibling("postgresql.log"),
                false, Duration.ofSeconds(1), new DatabaseAvailability(Clock.systemUTC()))) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, dataDir.resolveSibling("postgresql.log"), false,
                    Duration.ofSeconds(1), new DatabaseAvailability(Clock.systemUTC())))
                    .hasMessageContaining("Another EPE Watch is running");
            assertThat(first.running()).isTrue();
        }
    }

    private final Path dir = Path.of("/srv/epewatch/pg");
    private final IOException failure = new IOException("initdb failed");

    @Test
    void asRootWithoutUserNamespacesTheMessageSaysSoAndOffersTheWaysOut() {
        String message = EmbeddedPostgresServer.explain(dir, failure, true, () -> false);
        assertThat(message).contains("/srv/epewatch/pg").contains("initdb failed")
                .contains("does not allow user namespaces").contains("non-root user").contains("EPEWATCH_DB_URL");
    }

    @Test
    void otherFailuresPointAtTheDirectoryAndTheExternalDatabase() {
        assertThat(EmbeddedPostgresServer.explain(dir, failure, true, () -> true))
                .doesNotContain("user namespaces").contains("writable").contains("EPEWATCH_DB_URL");
        assertThat(EmbeddedPostgresServer.explain(dir, failure, false, () -> false))
                .doesNotContain("user namespaces");
    }
}
