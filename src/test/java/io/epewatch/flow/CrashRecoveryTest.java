package io.epewatch.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.epewatch.support.Api;
import io.epewatch.support.AppProcess;
import io.epewatch.support.DatabaseSuperuser;
import io.epewatch.support.QuietDemo;
import io.epewatch.support.Unhandled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chaos: concurrent ingest of gate events (with Idempotency-Keys), declarations and GPS positions while PostgreSQL is
 * killed with -9, then the JVM. Restarted on the same data directory, EPE Watch must have kept every request it
 * acknowledged; requests left unanswered are sent again with the same keys and stored exactly once; every gate
 * event reaches the risk engine, and replaying its fact log gives the stored warnings exactly.
 */
@org.junit.jupiter.api.Tag("chaos")
class CrashRecoveryTest {

    private static final String TOKEN = "epw_demo_integration_token";
    private static final String EPE = "0312345678";

    /** One request of the load, sent again unchanged until it is acknowledged. */
    private record Ingest(String kind, String path, String body, String key, String identity) {
    }

    private final Map<Ingest, Integer> answered = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Ingest> sent = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    @DisplayName("kill -9 of PostgreSQL, then of the JVM, during concurrent ingest: 0 acknowledged lost, 0 duplicated, replay agrees")
    void nothingAcknowledgedIsLostNothingIsDoubled() throws Exception {
        Path dataDir = Files.createTempDirectory("epewatch-chaos");
        List<String> quiet = new ArrayList<>(QuietDemo.ARGUMENTS);
        quiet.add("--epewatch.risk.tick-every=PT1S");
        String[] server = quiet.toArray(String[]::new);
        AppProcess first = AppProcess.start(dataDir, "first", server).awaitHealthy(Duration.ofSeconds(120));
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        Api api = new Api(first.port(), TOKEN);
        for (int i = 0; i < 3; i++) {
            clients.add(Thread.ofPlatform().start(() -> load(api, loading, this::gateEvent)));
        }
        clients.add(Thread.ofPlatform().start(() -> load(api, loading, this::positions)));
        clients.add(Thread.ofPlatform().start(() -> load(api, loading, this::declaration)));
        AppProcess second = null;
        try {
            Thread.sleep(4_000);
            ProcessHandle.of(DatabaseSuperuser.postmasterPid(dataDir)).orElseThrow().destroyForcibly();
            Thread.sleep(5_000);
            first.kill();
            Thread.sleep(500);
            loading.set(false);
            for (Thread client : clients) {
                client.join();
            }
            long acknowledged = answered.values().stream().filter(CrashRecoveryTest::ok).count();
            long refused = answered.values().stream().filter(status -> status == 503).count();
            long unanswered = sent.stream().filter(ingest -> !answered.containsKey(ingest)).count();

            second = AppProcess.start(dataDir, "second", server).awaitHealthy(Duration.ofSeconds(120));
            long lost;
            try (Connection connection = DatabaseSuperuser.connect(dataDir, "postgres")) {
                JdbcClient db = DatabaseSuperuser.jdbc(connection);
                lost = sent.stream().filter(ingest -> ok(answered.getOrDefault(ingest, 0)))
                        .filter(ingest -> stored(db, ingest) == 0).count();
                Api again = new Api(second.port(), TOKEN);
                List<Ingest> retry = sent.stream().filter(ingest -> !ok(answered.getOrDefault(ingest, 0))).toList();
                for (Ingest ingest : retry) {
                    int status = resend(again, ingest);
                    assertThat(ok(status)).as("retry of %s answered %s", ingest.identity(), status).isTrue();
                }
                long duplicated = sent.stream().filter(ingest -> stored(db, ingest) > 1).count();
                long missing = sent.stream().filter(ingest -> stored(db, ingest) != 1).count();
                System.out.printf("crash recovery: %d requests sent, %d acknowledged, %d answered 503, %d unanswered; "
                                + "after restart: %d lost, %d retried, %d duplicated, %d missing%n",
                        sent.size(), acknowledged, refused, unanswered, lost, retry.size(), duplicated, missing);
                assertThat(unexpected).as("answers other than 2xx and 503").isEmpty();
                assertThat(acknowledged).as("the load ran").isGreaterThan(20);
                assertThat(lost).as("acknowledged but lost").isZero();
                assertThat(duplicated).as("stored twice").isZero();
                assertThat(missing).isZero();

                awaitEventsHandled(db);
                assertThat(db.sql("""
                                select count(*) from gate_event g where not exists
                                    (select 1 from risk_fact f where f.source_key = 'gate:' || g.id)""")
                        .query(Long.class).single()).as("gate events the risk engine never saw").isZero();
            }
            second.close();
            AppProcess replay = AppProcess.start(dataDir, "replay", "replay");
            assertThat(replay.awaitExit(Duration.ofSeconds(120))).as(replay.output()).isZero();
            assertThat(replay.output()).contains("gives the stored warnings exactly");
        } finally {
            loading.set(false);
            first.kill();
            if (second != null) {
                second.kill();
            }
            // a failed run must not leave the PostgreSQL of a killed instance behind
            if (Files.exists(dataDir.resolve("pg/postmaster.pid"))) {
                ProcessHandle.of(DatabaseSuperuser.postmasterPid(dataDir)).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    private void load(Api api, AtomicBoolean loading, java.util.function.Supplier<Ingest> next) {
        while (loading.get()) {
            Ingest ingest = next.get();
            sent.add(ingest);
            try {
                int status = send(api, ingest);
                answered.put(ingest, status);
                if (!ok(status) && status != 503) {
                    unexpected.add(ingest.identity() + " → " + status);
                }
            } catch (IllegalStateException e) {
                // no answer (connection refused or reset): unknown whether it was stored
                sleep(100);
            }
        }
    }

    private static int send(Api api, Ingest ingest) {
        return api.postRaw(ingest.path(), ingest.body(), ingest.key()).status();
    }

    /** As a client does after an outage: the same request again while the answer is 503. */
    private static int resend(Api api, Ingest ingest) {
        int status = send(api, ingest);
        for (int attempt = 1; status == 503 && attempt < 20; attempt++) {
            sleep(500);
            status = send(api, ingest);
        }
        return status;
    }

    private Ingest gateEvent() {
        int n = sequence.incrementAndGet();
        String plate = String.format("51C-%03d.%02d", 100 + n / 100, n % 100);
        String body = """
                {"enterpriseTaxCode": "%s", "cameraNumber": "%s", "direction": "%s", "capturedAt": "%s", "plate": "%s"}"""
                .formatted(EPE, n % 2 == 0 ? "C01" : "C02", n % 2 == 0 ? "OUT" : "IN",
                        Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS), plate);
        return new Ingest("gate", "/api/v1/gate-events", body, "chaos-" + n, plate);
    }

    private Ingest positions() {
        int n = sequence.incrementAndGet();
        String plate = String.format("51D-%03d.%02d", 100 + n / 100, n % 100);
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String fixes = java.util.stream.IntStream.range(0, 10).mapToObj(i -> """
                {"plate": "%s", "lat": %s, "lon": 106.7%d, "speed": 40, "heading": 90, "time": "%s", "source": "chaos"}"""
                .formatted(plate, "10.7" + i, i, start.plusSeconds(i))).collect(Collectors.joining(", "));
        return new Ingest("positions", "/api/v1/positions", "[" + fixes + "]", null, plate);
    }

    private Ingest declaration() {
        int n = sequence.incrementAndGet();
        String number = String.format("30%010d", 7_000_000_000L + n);
        String body = """
                {"number": "%s", "typeCode": "E52", "enterpriseTaxCode": "%s", "direction": "EXPORT", "registeredAt": "%s",
                 "status": "CLEARED", "lane": "GREEN", "vehiclePlates": ["51E-%03d.%02d"]}"""
                .formatted(number, EPE, Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS), 100 + n / 100, n % 100);
        return new Ingest("declaration", "/api/v1/declarations", body, null, number);
    }

    /** How many times the request is in the database: 1 expected (positions: 10 fixes count as one batch). */
    private static long stored(JdbcClient db, Ingest ingest) {
        return switch (ingest.kind()) {
            case "gate" -> db.sql("select count(*) from gate_event where plate = ?").param(ingest.identity()).query(Long.class).single();
            case "positions" -> {
                long fixes = db.sql("select count(*) from vehicle_position where plate = ?").param(ingest.identity())
                        .query(Long.class).single();
                yield fixes == 0 ? 0 : fixes == 10 ? 1 : -fixes; // a partial batch is neither stored nor absent
            }
            default -> db.sql("select count(*) from declaration_version where number = ?").param(ingest.identity())
                    .query(Long.class).single();
        };
    }

    private static void awaitEventsHandled(JdbcClient db) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Unhandled.count(db) > 0) {
            assertThat(Instant.now()).as("events still unhandled after 60 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean ok(int status) {
        return status >= 200 && status < 300;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
