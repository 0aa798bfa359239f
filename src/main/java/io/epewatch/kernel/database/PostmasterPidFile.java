package io.epewatch.kernel.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code postmaster.pid} of a data directory: which server uses it. After a {@code kill -9} of the JVM the embedded
 * server lives on, re-parented, and would refuse the next start; this finds such a server and stops it. A process is
 * taken for the server of this directory only if it is a {@code postgres} whose working directory is this directory
 * (PostgreSQL changes into its data directory), so another data directory's server is never touched.
 */
final class PostmasterPidFile {

    private static final Logger log = LoggerFactory.getLogger(PostmasterPidFile.class);

    private final Path dataDir;

    PostmasterPidFile(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The pid of a live server of this directory, if one runs. */
    Optional<ProcessHandle> liveServer() throws IOException {
        Path file = dataDir.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::servesThisDirectory);
    }

    /**
     * Stops a server of this directory left by an earlier run: fast shutdown (SIGINT: transactions in flight roll
     * back, everything committed is on disk), then immediate shutdown if it hangs. Returns whether one was found.
     */
    boolean stopLeftover() throws IOException {
        Optional<ProcessHandle> server = liveServer();
        if (server.isEmpty()) {
            return false;
        }
        long pid = server.get().pid();
        log.warn("A PostgreSQL server (pid {}) left running by an earlier EPE Watch uses {}; stopping it (fast shutdown)",
                pid, dataDir);
        if (!stop(server.get(), Duration.ofSeconds(30))) {
            throw new IllegalStateException("The PostgreSQL server (pid " + pid + ") left running in " + dataDir
                    + " did not stop; stop it by hand and start EPE Watch again");
        }
        return true;
    }

    /** SIGINT, then SIGQUIT after {@code patience}; true once the process is gone. */
    static boolean stop(ProcessHandle server, Duration patience) {
        signal(server.pid(), "INT");
        if (waitForExit(server, patience)) {
            return true;
        }
        log.warn("PostgreSQL (pid {}) did not stop within {}; immediate shutdown", server.pid(), patience);
        signal(server.pid(), "QUIT");
        if (waitForExit(server, Duration.ofSeconds(5))) {
            return true;
        }
        server.destroyForcibly();
        return waitForExit(server, Duration.ofSeconds(5));
    }

    private boolean servesThisDirectory(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try {
            String name = Files.readString(proc.resolve("comm")).strip();
            return name.startsWith("postgres") && Files.readSymbolicLink(proc.resolve("cwd")).equals(dataDir.toRealPath());
        } catch (IOException | SecurityException e) {
            return false; // not readable: not our process, so not our server
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            kill.waitFor();
        } catch (IOException e) {
            // no kill(1) on this machine: Java can send SIGTERM (a "smart" shutdown, which waits for sessions to end)
            log.warn("Could not send SIG{} to PostgreSQL (pid {}): {}; sending SIGTERM", signal, pid, e.getMessage());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
