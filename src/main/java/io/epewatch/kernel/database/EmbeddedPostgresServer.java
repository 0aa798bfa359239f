package io.epewatch.kernel.database;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the application runs itself when no external one is configured (the zonky binaries from
 * Maven Central, driven by us):
 * <ul>
 *   <li><b>durable</b>: fsync, full_page_writes and synchronous_commit on, so an acknowledged write is on disk;</li>
 *   <li><b>closed</b>: TCP on 127.0.0.1 only, no Unix socket, SCRAM passwords generated at creation and kept in the
 *       data directory (0600); the application connects as a role that is not superuser ({@link DatabaseRoles});</li>
 *   <li><b>self-healing</b>: a server of this directory left running by a killed JVM is stopped before start; a
 *       server that dies while the application runs is restarted, and {@link DatabaseAvailability} knows at once.</li>
 * </ul>
 */
final class EmbeddedPostgresServer implements Database {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(5);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final Path dataDir;
    private final Path binaries;
    private final Path logFile;
    private final ClusterCredentials credentials;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Duration restartAfter;
    private final DatabaseAvailability availability;
    private final List<PGSimpleDataSource> handedOut = new ArrayList<>();
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile Process process;
    private volatile int port;
    private volatile boolean closing;

    private EmbeddedPostgresServer(Path dataDir, Path binaries, Path logFile, ClusterCredentials credentials,
                                   FileChannel lockChannel, FileLock lock, Duration restartAfter,
                                   DatabaseAvailability availability) {
        this.dataDir = dataDir;
        this.binaries = binaries;
        this.logFile = logFile;
        this.credentials = credentials;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.restartAfter = restartAfter;
        this.availability = availability;
    }

    /**
     * Starts the server with its files in {@code dataDir}, creating the cluster on first start.
     *
     * @param fresh wipe the directory first (tests only)
     */
    static EmbeddedPostgresServer start(Path dataDir, Path logFile, boolean fresh, Duration restartAfter,
                                        DatabaseAvailability availability) throws IOException {
        return start(dataDir, logFile, fresh, restartAfter, availability, 0);
    }

    /** As above, on {@code port} (0: any free port; a shared database keeps one address for its instances). */
    static EmbeddedPostgresServer start(Path dataDir, Path logFile, boolean fresh, Duration restartAfter,
                                        DatabaseAvailability availability, int port) throws IOException {
        Files.createDirectories(dataDir.getParent());
        Files.createDirectories(logFile.getParent());
        long started = System.nanoTime();
        FileChannel lockChannel = FileChannel.open(dataDir.resolveSibling(dataDir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("Another EPE Watch is running with its database in " + dataDir
                    + "; stop it first, or start this one with another --epewatch.data-dir");
        }
        EmbeddedPostgresServer server = null;
        try {
            // only now, holding the lock, is a server in this directory certainly a leftover and not a live sibling's
            new PostmasterPidFile(dataDir).stopLeftover();
            if (fresh) {
                DataDirectories.deleteRecursively(dataDir);
            }
            Path binaries = PostgresBinaries.installed();
            ClusterCredentials credentials = new Cluster(dataDir, binaries, logFile).prepare();
            server = new EmbeddedPostgresServer(dataDir, binaries, logFile, credentials, lockChannel, lock, restartAfter,
                    availability);
            server.launch(port == 0 ? freePort() : port);
            try (Connection superuser = server.superuser()) {
                DatabaseRoles.prepare(superuser, credentials);
            }
            log.info("Embedded PostgreSQL started in {} ms on 127.0.0.1:{} with data in {} (durable: fsync, "
                            + "synchronous_commit, full_page_writes on)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), server.port, dataDir);
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            if (server != null) {
                server.close();
            } else {
                lock.release();
                lockChannel.close();
            }
            boolean root = Cluster.runningAsRoot();
            throw new IllegalStateException(explain(dataDir, e, root, Cluster::userNamespacesAvailable), e);
        }
    }

    /** Follows the server if a restart moves it to another port. */
    @Override
    public PGSimpleDataSource applicationConnections() {
        return connections(ClusterCredentials.APPLICATION, credentials.application());
    }

    @Override
    public PGSimpleDataSource ownerConnections() {
        return connections(ClusterCredentials.OWNER, credentials.owner());
    }

    @Override
    public String applicationRole() {
        return ClusterCredentials.APPLICATION;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL";
    }

    int port() {
        return port;
    }

    /** Whether the server process is running now. */
    boolean running() {
        Process current = process;
        return current != null && current.isAlive();
    }

    private PGSimpleDataSource connections(String user, String password) {
        PGSimpleDataSource source = source(user, password);
        synchronized (handedOut) {
            handedOut.add(source);
        }
        return source;
    }

    private Connection superuser() throws SQLException {
        return source(ClusterCredentials.SUPERUSER, credentials.superuser()).getConnection();
    }

    private PGSimpleDataSource source(String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName("postgres");
        source.setUser(user);
        source.setPassword(password);
        source.setConnectTimeout(2);
        source.setTcpKeepAlive(true);
        source.setApplicationName("epewatch");
        return source;
    }

    /** Starts the postmaster on {@code port} and waits until it answers. */
    private void launch(int port) throws IOException {
        lifecycle.lock();
        try {
            if (closing) {
                throw new IllegalStateException("shutting down");
            }
            this.port = port;
            synchronized (handedOut) {
                handedOut.forEach(source -> source.setPortNumbers(new int[] {port}));
            }
            List<String> command = new ArrayList<>(Cluster.prefix(true));
            command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", dataDir.toString(),
                    "-c", "port=" + port,
                    "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories=",
                    // durable: a commit is acknowledged once its WAL is on disk (the zonky test defaults turn these off)
                    "-c", "fsync=on",
                    "-c", "synchronous_commit=on",
                    "-c", "full_page_writes=on",
                    "-c", "password_encryption=scram-sha-256",
                    "-c", "timezone=UTC",
                    "-c", "max_connections=100"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process started = builder.start();
            process = started;
            awaitReady(started);
            started.onExit().thenRun(() -> exited(started));
        } finally {
            lifecycle.unlock();
        }
    }

    private void awaitReady(Process started) throws IOException {
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (closing) {
                throw new IOException("stopping while PostgreSQL was still starting"); // close() stops it
            }
            if (!started.isAlive()) {
                throw new IOException("PostgreSQL exited with code " + started.exitValue() + " while starting; see " + logFile
                        + ": " + tail(logFile));
            }
            try (Connection connection = superuser()) {
                connection.createStatement().execute("select 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(Duration.ofMillis(100));
        }
        started.destroyForcibly();
        throw new IOException("PostgreSQL did not answer within " + STARTUP_WAIT + ": " + (last == null ? "" : last.getMessage()));
    }

    /** The server died under us: say so at once, and bring it back. */
    private void exited(Process died) {
        if (closing || died != process) {
            return;
        }
        availability.lost("the embedded PostgreSQL stopped unexpectedly (exit code " + died.exitValue() + ")");
        Thread.ofPlatform().daemon().name("embedded-postgres-restart").start(this::restart);
    }

    private void restart() {
        sleep(restartAfter);
        int attempt = 0;
        while (!closing) {
            attempt++;
            try {
                // after a kill -9 its children may hold the old shared memory a moment; a busy port gets a new one
                launch(attempt % 3 == 0 ? freePort() : port);
                log.warn("Embedded PostgreSQL restarted on 127.0.0.1:{} (attempt {})", port, attempt);
                return;
            } catch (IOException | RuntimeException e) {
                if (!closing) {
                    log.warn("Embedded PostgreSQL did not restart (attempt {}): {}", attempt, e.getMessage());
                    sleep(RETRY_EVERY);
                }
            }
        }
    }

    /** Fast shutdown: what is committed is on disk; a server that hangs is stopped harder. Releases the directory. */
    @Override
    public void close() {
        closing = true;
        lifecycle.lock();
        try {
            Process current = process;
            if (current != null && current.isAlive()) {
                long started = System.nanoTime();
                if (PostmasterPidFile.stop(current.toHandle(), Duration.ofSeconds(8))) {
                    log.info("Embedded PostgreSQL stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                } else {
                    log.warn("Embedded PostgreSQL (pid {}) did not stop", current.pid());
                }
            }
        } finally {
            lifecycle.unlock();
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.debug("Lock of {} not released cleanly: {}", dataDir, e.getMessage());
            }
        }
    }

    /**
     * As root, initdb and postgres run under {@code unshare -U} (PostgreSQL refuses to run as root); a machine without
     * user namespaces then cannot start it, and the operator needs to know why and what to do.
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log not readable)";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
