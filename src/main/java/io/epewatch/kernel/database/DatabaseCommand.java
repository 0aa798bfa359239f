package io.epewatch.kernel.database;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar epewatch.jar database [--epewatch.data-dir=DIR] [--port=5432]}: runs only the embedded PostgreSQL
 * of a data directory, for several EPE Watch instances on this machine to share (issue 22: a cluster by hand, or a
 * test). It listens on 127.0.0.1 only; across machines, use a PostgreSQL server of your own. It prints what the
 * instances need, but not the passwords: those stay in the data directory's 0600 credentials file. Stops on Ctrl-C.
 */
public final class DatabaseCommand {

    private DatabaseCommand() {
    }

    public static void run(String[] args) throws Exception {
        Path dataDir = Path.of(option(args, "--epewatch.data-dir=", System.getenv().getOrDefault("EPEWATCH_DATA_DIR", "./data")))
                .toAbsolutePath().normalize();
        int port = Integer.parseInt(option(args, "--port=", "0"));
        DatabaseAvailability availability = new DatabaseAvailability(Clock.systemUTC());
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("pg"),
                dataDir.resolve("logs/postgresql.log"), false, Duration.ofSeconds(1), availability, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        Path credentials = dataDir.resolve("pg").resolve(ClusterCredentials.FILE);
        System.out.printf("""
                EPE Watch's PostgreSQL runs on 127.0.0.1:%d with its data in %s (Ctrl-C stops it).
                Start each instance sharing it with:
                  EPEWATCH_DB_URL=jdbc:postgresql://127.0.0.1:%d/postgres
                  EPEWATCH_DB_USERNAME=%s  EPEWATCH_DB_PASSWORD=<the %s line of %s>
                  EPEWATCH_DB_MIGRATION_USERNAME=%s  EPEWATCH_DB_MIGRATION_PASSWORD=<the %s line of %s>
                %n""", server.port(), dataDir.resolve("pg"), server.port(), ClusterCredentials.APPLICATION,
                ClusterCredentials.APPLICATION, credentials, ClusterCredentials.OWNER, ClusterCredentials.OWNER, credentials);
        stopped.await();
    }

    private static String option(String[] args, String prefix, String otherwise) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return otherwise;
    }
}
