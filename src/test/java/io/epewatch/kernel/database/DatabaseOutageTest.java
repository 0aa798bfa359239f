package io.epewatch.kernel.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.epewatch.support.Api;
import io.epewatch.support.DatabaseSuperuser;
import io.epewatch.support.QuietDemo;
import io.epewatch.support.Unhandled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL dies under a running application (kill -9 of the postmaster): health says DOWN within seconds, requests
 * are answered 503 problem+json at once instead of hanging and failing with 500, the application brings its
 * embedded server back by itself, a retried request is then stored once, and the application still stops quickly.
 */
@org.junit.jupiter.api.Tag("chaos")
class DatabaseOutageTest {

    private static final String TOKEN = "epw_demo_integration_token";

    @Test
    @DisplayName("a killed PostgreSQL: health DOWN < 5 s, API 503 problem+json < 2 s, restarted by itself, retry stored once, stop < 10 s even while it is away")
    void killedDatabaseIsNoticedAnsweredAndBroughtBack() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-outage");
        ConfigurableApplicationContext app = QuietDemo.start(dataDir, "--epewatch.db.restart-after=3s");
        int port = QuietDemo.port(app);
        Api api = new Api(port, TOKEN);
        assertThat(api.postWithKey("/api/v1/gate-events", passage("51C-111.11"), "before").status()).isEqualTo(201);

        ProcessHandle postmaster = ProcessHandle.of(DatabaseSuperuser.postmasterPid(dataDir)).orElseThrow();
        Instant killed = Instant.now();
        postmaster.destroyForcibly();

        Api probe = new Api(port, null);
        Duration toDown = awaitHealth(probe, 503, Duration.ofSeconds(5));
        assertThat(toDown).as("health says DOWN").isLessThan(Duration.ofSeconds(5));
        Api.Response health = probe.get("/actuator/health");
        assertThat(health.json().at("/components/db/status").asString()).isEqualTo("DOWN");

        Map<String, Object> during = passage("51C-222.22");
        Instant asked = Instant.now();
        Api.Response refused = api.postWithKey("/api/v1/gate-events", during, "during");
        Duration answeredIn = Duration.between(asked, Instant.now());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.json().get("detail").asString()).contains("nothing of this request was stored");
        assertThat(answeredIn).as("503 answered at once").isLessThan(Duration.ofSeconds(2));
        assertThat(new Api(port, null).get("/login").status()).as("pages too").isEqualTo(503);
        assertThat(new Api(port, null).get("/actuator/health/liveness").status())
                .as("the application itself is alive: it restarts its database").isEqualTo(200);

        Duration back = awaitHealth(probe, 200, Duration.ofSeconds(30));
        Api.Response retried = api.postWithKey("/api/v1/gate-events", during, "during");
        assertThat(retried.status()).as("the retry with the same key is stored").isEqualTo(201);
        Api.Response repeated = api.postWithKey("/api/v1/gate-events", during, "during");
        assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from gate_event where plate in ('51C-111.11', '51C-222.22')").query(Long.class).single())
                .isEqualTo(2);

        // events whose listeners failed while the database was away are handed out again without a restart
        Instant settled = Instant.now().plusSeconds(30);
        while (Unhandled.count(jdbc) > 0) {
            assertThat(Instant.now()).as("events left unhandled after the outage").isBefore(settled);
            Thread.sleep(200);
        }

        // and an operator stopping it while the database is away again is not kept waiting either
        ProcessHandle.of(DatabaseSuperuser.postmasterPid(dataDir)).orElseThrow().destroyForcibly();
        awaitHealth(probe, 503, Duration.ofSeconds(5));
        Instant stopping = Instant.now();
        app.close();
        Duration stopped = Duration.between(stopping, Instant.now());
        assertThat(stopped).as("shutdown with the database away").isLessThan(Duration.ofSeconds(10));
        System.out.printf("database outage: DOWN after %d ms, 503 in %d ms, back after %d ms (restart delay 3 s), stopped with the database away in %d ms%n",
                toDown.toMillis(), answeredIn.toMillis(), Duration.between(killed, asked).plus(back).toMillis(),
                stopped.toMillis());
        assertThat(back).isPositive();
    }

    private static Map<String, Object> passage(String plate) {
        return Map.of("enterpriseTaxCode", "0312345678", "cameraNumber", "C01", "direction", "OUT",
                "capturedAt", Instant.now().minusSeconds(5).toString(), "plate", plate);
    }

    private static Duration awaitHealth(Api api, int status, Duration within) throws InterruptedException {
        Instant started = Instant.now();
        Instant deadline = started.plus(within).plusSeconds(1);
        while (Instant.now().isBefore(deadline)) {
            if (api.get("/actuator/health").status() == status) {
                return Duration.between(started, Instant.now());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("health did not answer " + status + " within " + within);
    }

}
