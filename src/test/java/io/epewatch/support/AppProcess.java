package io.epewatch.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.epewatch.EpeWatchApplication;

/**
 * EPE Watch as an operator runs it: its own JVM (the test's class path), so a test can {@code kill -9} it. Output goes
 * to a file in the data directory, where a failing test points.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path output;

    private AppProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Starts {@code EpeWatchApplication} with these arguments (a command, or the server on a free port). */
    public static AppProcess start(Path dataDir, String name, String... args) throws IOException {
        return start(EpeWatchApplication.class, dataDir, name, args);
    }

    /** Starts {@code main} (EPE Watch wrapped by a test, seeding what the test needs) in its own JVM. */
    public static AppProcess start(Class<?> main, Path dataDir, String name, String... args) throws IOException {
        return start(main, freePort(), dataDir, name, args);
    }

    /** Starts it again on the port it had, as an operator restarts a service behind a fixed address. */
    public static AppProcess start(Class<?> main, int port, Path dataDir, String name, String... args) throws IOException {
        Path argFile = dataDir.resolve(name + ".args");
        Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m", "-XX:+UseSerialGC", "@" + argFile, main.getName()));
        command.addAll(List.of(args));
        command.add("--epewatch.data-dir=" + dataDir);
        command.add("--logging.file.name=" + dataDir.resolve(name + ".json.log"));
        if (args.length == 0 || args[0].startsWith("--")) {
            command.add("--server.port=" + port);
        }
        Path output = dataDir.resolve(name + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        return new AppProcess(process, port, output);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /actuator/health} answers 200. */
    public AppProcess awaitHealthy(Duration within) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("EPE Watch exited with " + process.exitValue() + "; see " + output);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("EPE Watch not healthy within " + within + "; see " + output);
    }

    /** Waits for a command to finish; its exit code. */
    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("command still running after " + within + "; see " + output);
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** kill -9: no shutdown hook, nothing flushed that was not already on disk. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** An orderly stop (SIGTERM), as systemd or an orchestrator does it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * A port nothing listens on now, to give an instance before it starts. Taken below Linux's ephemeral range
     * (32768–60999): a port the system hands out for outgoing connections could be taken by one between this check and
     * the instance's bind (CI once saw "Port 40715 was already in use").
     */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
