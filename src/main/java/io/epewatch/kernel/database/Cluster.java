package io.epewatch.kernel.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded cluster's files: created by initdb with SCRAM authentication and a generated superuser password, or,
 * for a data directory of an earlier version (trust authentication, no passwords), given passwords in single-user
 * mode, which needs no connection at all. Its {@code pg_hba.conf} is written at every start: password connections
 * over loopback TCP, nothing else.
 */
final class Cluster {

    private static final Logger log = LoggerFactory.getLogger(Cluster.class);

    static final String HBA = """
            # Written by EPE Watch at every start; edits are lost. Only SCRAM password connections over loopback TCP:
            # the server has no Unix socket, and no local user gets in without the passwords kept in %s.
            host    all    all    127.0.0.1/32    scram-sha-256
            """.formatted(ClusterCredentials.FILE);

    private final Path dataDir;
    private final Path binaries;
    private final Path logFile;

    Cluster(Path dataDir, Path binaries, Path logFile) {
        this.dataDir = dataDir;
        this.binaries = binaries;
        this.logFile = logFile;
    }

    /** Makes sure the cluster exists with passwords and our access rules; returns its credentials. */
    ClusterCredentials prepare() throws IOException {
        ClusterCredentials credentials;
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            credentials = create();
        } else {
            credentials = ClusterCredentials.read(dataDir).orElse(null);
            if (credentials == null) {
                credentials = secureEarlierCluster();
            }
        }
        DataDirectories.ownerOnly(dataDir);
        Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        return credentials;
    }

    /** initdb into a fresh folder renamed into place, so a crash half-way leaves no half-made cluster behind. */
    private ClusterCredentials create() throws IOException {
        if (Files.isDirectory(dataDir)) {
            try (var entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dataDir + " holds files but no PostgreSQL cluster (no PG_VERSION); move them away");
                }
            }
            Files.delete(dataDir);
        }
        Path making = dataDir.resolveSibling(dataDir.getFileName() + ".init");
        Path passwordFile = dataDir.resolveSibling(dataDir.getFileName() + ".init-password");
        DataDirectories.deleteRecursively(making);
        ClusterCredentials credentials = ClusterCredentials.generate();
        try {
            DataDirectories.writeSecret(passwordFile, credentials.superuser() + "\n");
            run("initdb", List.of("-D", making.toString(), "-U", ClusterCredentials.SUPERUSER, "-E", "UTF-8",
                    "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "--pwfile=" + passwordFile, "--no-instructions"), null);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        credentials.write(making);
        Files.move(making, dataDir, StandardCopyOption.ATOMIC_MOVE);
        log.info("Created the embedded PostgreSQL cluster in {}; its passwords are in {} (mode 0600)", dataDir,
                dataDir.resolve(ClusterCredentials.FILE));
        return credentials;
    }

    /** A cluster made before roles and passwords: the superuser gets one in single-user mode, then it is written down. */
    private ClusterCredentials secureEarlierCluster() throws IOException {
        log.warn("The PostgreSQL cluster in {} has no passwords (made by an earlier EPE Watch); setting them up", dataDir);
        ClusterCredentials credentials = ClusterCredentials.generate();
        run("postgres", List.of("--single", "-D", dataDir.toString(), "-c", "fsync=on", "postgres"),
                "alter role " + ClusterCredentials.SUPERUSER + " with password '" + credentials.superuser() + "';\n");
        credentials.write(dataDir);
        return credentials;
    }

    /** Runs one of the PostgreSQL programs to its end, its output in the log, {@code input} on its standard input. */
    private void run(String program, List<String> arguments, String input) throws IOException {
        List<String> command = new ArrayList<>(prefix(false));
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(program + " failed with code "
                    + process.exitValue() + "; see " + logFile + ": " + EmbeddedPostgresServer.tail(logFile));
        }
    }

    /**
     * What the PostgreSQL programs are started under: {@code unshare -U} as root (PostgreSQL refuses to run as root;
     * in a user namespace it does not see itself as root), and for the server {@code setsid}, so a Ctrl-C meant for
     * EPE Watch does not reach the database behind its back: EPE Watch stops it itself, after its own work.
     */
    static List<String> prefix(boolean ownSession) {
        List<String> prefix = new ArrayList<>();
        if (ownSession && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            prefix.add("/usr/bin/setsid");
        }
        if (runningAsRoot()) {
            prefix.addAll(List.of("unshare", "-U"));
        }
        return prefix;
    }

    static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    static boolean userNamespacesAvailable() {
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
