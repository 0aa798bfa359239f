package io.epewatch.kernel.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL server the application runs itself when no external one is configured. */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "UTC")
                    // the data source stops the server after the pool and Spring's own shutdown; zonky's hook
                    // would stop it in parallel, under the feet of beans that still write on their way out
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("Embedded PostgreSQL started in {} ms on port {} with data in {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException | RuntimeException e) {
            boolean root = "root".equals(System.getProperty("user.name"));
            throw new IllegalStateException(explain(dataDirectory, e, root, EmbeddedPostgresServer::userNamespacesAvailable), e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * As root, zonky runs initdb and postgres under {@code unshare -U} (PostgreSQL refuses to run as root);
     * a machine without user namespaces then cannot start it, and the operator needs to know why and what to do.
     */
    static String explain(Path dataDirectory, Exception cause, boolean root, BooleanSupplier userNamespaces) {
        String base = "The embedded PostgreSQL could not start with data in " + dataDirectory + ": " + cause.getMessage() + ". ";
        if (root && !userNamespaces.getAsBoolean()) {
            return base + "EPE Watch runs as root here and this machine does not allow user namespaces "
                    + "('unshare -U' fails), which the embedded PostgreSQL needs to run as root. Either run EPE Watch "
                    + "as a non-root user, enable user namespaces (sysctl user.max_user_namespaces > 0, "
                    + "kernel.unprivileged_userns_clone=1 where present), or use an external PostgreSQL by setting "
                    + "EPEWATCH_DB_URL, EPEWATCH_DB_USERNAME and EPEWATCH_DB_PASSWORD.";
        }
        return base + "Check that the directory is writable and not used by another running EPE Watch, "
                + "or set EPEWATCH_DB_URL to use an external PostgreSQL.";
    }

    private static boolean userNamespacesAvailable() {
        try {
            Process probe = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
