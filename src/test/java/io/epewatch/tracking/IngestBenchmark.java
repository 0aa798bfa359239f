package io.epewatch.tracking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.identity.ApiTokens;
import io.epewatch.support.BenchmarkApplication;
import io.epewatch.support.Fixtures;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end GPS ingest on this node: the whole application with its embedded PostgreSQL, clients posting positions
 * over HTTP — batches of 500 (the Ministry of Transport feed) and single OsmAnd requests (trackers) — through
 * validation, geofence lookup, the single writer, the event registry and the risk engine. Reports positions/s stored
 * and the time until the engine has read them all.
 *
 * <p>Run: {@code bench/tracking/ingest [SECONDS] [CLIENTS]} (default 30 s, 8 clients). Last line: one JSON object.
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        try (ConfigurableApplicationContext app = BenchmarkApplication.start("ingest")) {
            int port = BenchmarkApplication.port(app);
            Fixtures fixtures = app.getBean(Fixtures.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            String token = fixtures.integrationToken(ApiTokens.INGEST_GPS);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String kind : List.of("batch", "osmand")) {
                long before = jdbc.sql("select count(*) from vehicle_position").query(Long.class).single();
                AtomicLong sent = new AtomicLong();
                Instant end = Instant.now().plusSeconds(seconds);
                long started = System.nanoTime();
                try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                    List<Future<?>> running = new ArrayList<>();
                    for (int c = 0; c < clients; c++) {
                        int client = c;
                        running.add(pool.submit(() -> {
                            int truck = 0;
                            while (Instant.now().isBefore(end)) {
                                if (kind.equals("batch")) {
                                    StringBuilder body = new StringBuilder("[");
                                    Instant at = Instant.now().minusSeconds(5);
                                    for (int i = 0; i < 500; i++, truck++) {
                                        body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                                                "{\"plate\":\"%02dC-%03d.%02d\",\"lat\":%.5f,\"lon\":%.5f,\"speed\":40,\"heading\":90,\"time\":\"%s\",\"source\":\"MOT\"}",
                                                11 + client, truck / 100 % 1000, truck % 100, 10.5 + (truck % 1000) / 2000.0,
                                                106.5 + (truck % 777) / 2000.0, at));
                                    }
                                    send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/positions"))
                                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body.append("]").toString())).build());
                                    sent.addAndGet(500);
                                } else {
                                    truck++;
                                    String query = String.format(Locale.ROOT, "id=%02dD-%03d.%02d&lat=%.5f&lon=%.5f&timestamp=%d&speed=20&bearing=180",
                                            11 + client, truck / 100 % 1000, truck % 100, 10.5 + (truck % 1000) / 2000.0,
                                            106.5, Instant.now().minusSeconds(5).getEpochSecond());
                                    send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/osmand?" + query))
                                            .header("Authorization", "Bearer " + token).GET().build());
                                    sent.incrementAndGet();
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : running) {
                        f.get();
                    }
                }
                double elapsed = (System.nanoTime() - started) / 1e9;
                long stored = jdbc.sql("select count(*) from vehicle_position").query(Long.class).single() - before;
                // at most five minutes: an event whose listener failed under load waits for a restart (bench/README.md)
                double digest = BenchmarkApplication.awaitEventsHandled(jdbc, Duration.ofMinutes(5));
                System.out.printf(Locale.ROOT, "{\"kind\": \"%s\", \"clients\": %d, \"seconds\": %.1f, \"sent\": %d, \"stored\": %d, "
                                + "\"positions_per_s\": %.0f, \"engine_caught_up_after_s\": %.1f, \"cores\": %d}%n", kind, clients, elapsed,
                        sent.get(), stored, stored / elapsed, digest, Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}
