package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.epewatch.EpeWatchApplication;
import io.epewatch.support.Unhandled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo profile brings up data and traffic that raise warnings; stopping and starting again on the same data
 * directory finds everything where it was (the embedded PostgreSQL keeps its files under the data directory).
 */
@org.junit.jupiter.api.Tag("chaos")
class RestartKeepsDataTest {

    private static final String[] TABLES = {"enterprise", "camera", "declaration", "gate_event", "warning", "user_account"};

    @Test
    @DisplayName("demo data and warnings survive a restart with the same data directory")
    void restartKeepsEverything() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-restart");
        Map<String, Long> before;
        try (ConfigurableApplicationContext first = start(dataDir, true)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            awaitWarnings(jdbc);
            // stop the generator's clock before counting, so nothing is written between the count and the stop
            first.getBean(org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor.class).destroy();
            Thread.sleep(300); // a passage being posted at that moment finishes
            awaitEventsHandled(jdbc);
            before = counts(jdbc);
        }
        assertThat(Files.isDirectory(dataDir.resolve("pg"))).isTrue();
        try (ConfigurableApplicationContext second = start(dataDir, false)) {
            Map<String, Long> after = counts(second.getBean(JdbcClient.class));
            assertThat(after).isEqualTo(before);
            assertThat(before.get("enterprise")).isEqualTo(2);
            assertThat(before.get("warning")).isPositive();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean traffic) {
        return new SpringApplicationBuilder(EpeWatchApplication.class).profiles("demo").run(
                "--server.port=0", "--epewatch.data-dir=" + dataDir, "--logging.file.name=" + dataDir.resolve("epewatch.log"),
                "--epewatch.demo.gate-event-interval=200ms", "--epewatch.demo.generate-traffic=" + traffic,
                "--epewatch.recognition.watch.enabled=false",
                // a passage every 200 ms would have the simulated recorders replay a clip for each: tested on their own
                "--epewatch.footage.clips.enabled=false");
    }

    private static void awaitWarnings(JdbcClient jdbc) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            long exits = jdbc.sql("select count(*) from warning where rule = 'EXIT_WITHOUT_DECLARATION'").query(Long.class).single();
            long invalid = jdbc.sql("select count(*) from warning where rule = 'CONTAINER_NUMBER_INVALID'").query(Long.class).single();
            if (exits > 0 && invalid > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the demo traffic raised no warnings of both rules within 30 s");
    }

    private static void awaitEventsHandled(JdbcClient jdbc) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Unhandled.count(jdbc) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("events still unhandled after 20 s");
            }
            Thread.sleep(50);
        }
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}
