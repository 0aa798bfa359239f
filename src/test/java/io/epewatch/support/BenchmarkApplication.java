package io.epewatch.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.EpeWatchApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as the ingest benchmarks run it: in this process, on a random port, with a fresh embedded
 * PostgreSQL (durable, as in production) in a temporary directory, quiet logs, and no camera monitor or gate
 * recognition competing for the cores. {@link Fixtures} is there to set up enterprises, users and tokens.
 */
public final class BenchmarkApplication {

    private BenchmarkApplication() {
    }

    /** Starts it; {@code settings} ({@code --name=value}) add to or override the benchmark's defaults. */
    public static ConfigurableApplicationContext start(String name, String... settings) throws IOException {
        Path dataDir = Files.createTempDirectory("epewatch-" + name + "-bench");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--epewatch.data-dir=" + dataDir,
                "--logging.file.name=" + dataDir.resolve("bench.log"), "--logging.level.io.epewatch=WARN",
                "--epewatch.camera.monitor.enabled=false", "--epewatch.recognition.watch.enabled=false"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(EpeWatchApplication.class, Fixtures.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /**
     * Waits until every published event has been handled and the risk engine has read every queued fact, at most
     * {@code limit}; returns the seconds it waited.
     */
    public static double awaitEventsHandled(JdbcClient jdbc, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        while (Unhandled.count(jdbc) > 0
                && System.nanoTime() - started < limit.toNanos()) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
