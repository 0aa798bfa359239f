package io.epewatch.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.epewatch.EpeWatchApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo profile's data (users, two EPEs, the integration token) with nothing moving on its own: no traffic
 * generator, no camera faults, no monitor, recognition or passage clips. For tests that need an application of their
 * own — one they kill, break or configure differently — on a data directory of their own.
 */
public final class QuietDemo {

    /** The arguments that make the demo quiet; the profile included. */
    public static final List<String> ARGUMENTS = List.of("--spring.profiles.active=demo", "--epewatch.demo.generate-traffic=false",
            "--epewatch.demo.camera-base-port=0", "--epewatch.demo.camera-faults=false",
            "--epewatch.camera.monitor.enabled=false", "--epewatch.recognition.watch.enabled=false", "--epewatch.footage.clips.enabled=false");

    private QuietDemo() {
    }

    /** Starts it in this JVM on a free port, with {@code extra} arguments after the quiet ones. */
    public static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(ARGUMENTS);
        args.addAll(List.of("--server.port=0", "--epewatch.data-dir=" + dataDir, "--logging.file.name=" + dataDir.resolve("epewatch.log")));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(EpeWatchApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
