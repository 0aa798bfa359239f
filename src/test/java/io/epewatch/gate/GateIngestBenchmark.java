package io.epewatch.gate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.identity.ApiTokens;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.support.BenchmarkApplication;
import io.epewatch.support.Fixtures;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gate events over HTTP on this node (issue 19): the whole application with its embedded PostgreSQL running durable,
 * CLIENTS edge readers each posting passages with an Idempotency-Key as fast as they are answered, for SECONDS. One
 * passage in twenty takes out a container no declaration names (the rules raise a warning per enterprise and merge
 * the rest into it), and one in twenty brings in a container misread with a wrong check digit (a warning of its own
 * each). Reports the passages acknowledged per second, the request latency, and how long after a misread passage was
 * received its warning was stored (the live stream pushes it to the inbox as it commits).
 *
 * <p>Run: {@code bench/ingest/run [SECONDS] [CLIENTS]} (default 60 s, 50 clients). Last line: one JSON object.
 */
public final class GateIngestBenchmark {

    private static final int ENTERPRISES = 10;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        try (ConfigurableApplicationContext app = BenchmarkApplication.start("gate")) {
            int port = BenchmarkApplication.port(app);
            Fixtures fixtures = app.getBean(Fixtures.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<String> sites = new ArrayList<>();
            for (int i = 0; i < ENTERPRISES; i++) {
                sites.add(fixtures.site().taxCode());
            }
            String token = fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong errors = new AtomicLong();
            Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
            Instant began = Instant.now();
            Instant end = began.plusSeconds(seconds);
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    running.add(pool.submit(() -> {
                        String site = sites.get(client % sites.size());
                        for (int n = 0; Instant.now().isBefore(end); n++) {
                            boolean undeclared = n % 20 == 0;
                            String containers = "";
                            if (undeclared) {
                                containers = ",\"containerNumbers\":[\"TEMU2709541\"]";
                            } else if (n % 20 == 10) {
                                containers = ",\"containerNumbers\":[\"" + misread(client, n) + "\"]";
                            }
                            String body = String.format(Locale.ROOT, "{\"enterpriseTaxCode\":\"%s\",\"cameraNumber\":\"%s\","
                                            + "\"direction\":\"%s\",\"capturedAt\":\"%s\",\"plate\":\"%02dC-%03d.%02d\"%s}",
                                    site, undeclared ? "G1" : "G2", undeclared ? "OUT" : "IN", Instant.now().minusSeconds(2),
                                    11 + client % 89, n / 100 % 1000, n % 100, containers);
                            long sent = System.nanoTime();
                            try {
                                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                                URI.create("http://localhost:" + port + "/api/v1/gate-events"))
                                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                        .header("Idempotency-Key", "bench-" + client + "-" + n)
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() != 201) {
                                    errors.incrementAndGet();
                                    errorKinds.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                errorKinds.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                            }
                            latencies.add(System.nanoTime() - sent);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            double drained = BenchmarkApplication.awaitEventsHandled(jdbc, Duration.ofMinutes(5));
            long stored = jdbc.sql("select count(*) from gate_event where received_at >= ?").param(Timestamp.from(began))
                    .query(Long.class).single();
            // each misread raises its own warning (the others merge into a few), so its lag is one passage's
            List<Long> lags = jdbc.sql("""
                            select (extract(epoch from w.raised_at - g.received_at) * 1000)::bigint from warning w
                            join gate_event g on g.id = w.gate_event_id
                            where g.received_at >= ? and w.rule = 'CONTAINER_NUMBER_INVALID' order by 1""")
                    .param(Timestamp.from(began)).query(Long.class).list();
            Map<String, Long> byRule = new java.util.TreeMap<>();
            jdbc.sql("select rule, count(*) from warning where raised_at >= ? group by rule").param(Timestamp.from(began))
                    .query((rs, row) -> byRule.put(rs.getString(1), rs.getLong(2))).list();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double eps = stored / elapsed;
            System.out.printf(Locale.ROOT, "gate events, %d clients, %.0f s, %d cores%n", clients, elapsed,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%-28s %10.0f%n", "acknowledged / s", eps);
            System.out.printf(Locale.ROOT, "%-28s %10.1f%n", "request p50 ms", ms(sorted, 0.50));
            System.out.printf(Locale.ROOT, "%-28s %10.1f%n", "request p99 ms", ms(sorted, 0.99));
            System.out.printf(Locale.ROOT, "%-28s %10.1f%n", "request max ms", ms(sorted, 1.0));
            System.out.printf(Locale.ROOT, "%-28s %10d%n", "errors", errors.get());
            errorKinds.forEach((kind, count) -> System.out.printf(Locale.ROOT, "  %6d × %s%n", count, kind));
            System.out.printf(Locale.ROOT, "%-28s %10d%n", "warnings", byRule.values().stream().mapToLong(Long::longValue).sum());
            byRule.forEach((rule, count) -> System.out.printf(Locale.ROOT, "  %6d × %s%n", count, rule));
            System.out.printf(Locale.ROOT, "%-28s %10d%n", "event → warning p50 ms", at(lags, 0.50));
            System.out.printf(Locale.ROOT, "%-28s %10d%n", "event → warning p99 ms", at(lags, 0.99));
            System.out.printf(Locale.ROOT, "%-28s %10.1f%n", "engine caught up after s", drained);
            System.out.printf(Locale.ROOT, "{\"gate_eps\": %.0f, \"gate_p50_ms\": %.1f, \"gate_p99_ms\": %.1f, \"gate_max_ms\": %.1f, "
                            + "\"errors\": %d, \"warnings\": %d, \"warn_lag_p50_ms\": %d, \"warn_lag_p99_ms\": %d, "
                            + "\"drained_after_s\": %.1f, \"clients\": %d, \"seconds\": %.1f, \"cores\": %d}%n",
                    eps, ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 1.0), errors.get(),
                    byRule.values().stream().mapToLong(Long::longValue).sum(), at(lags, 0.50),
                    at(lags, 0.99), drained, clients, elapsed, Runtime.getRuntime().availableProcessors());
        }
    }

    /** A container number read with a wrong check digit, different for every client and passage. */
    private static String misread(int client, int n) {
        ContainerNumber right = ContainerNumber.withCheckDigit(String.format(Locale.ROOT, "BENU%06d", (client * 100_003 + n) % 1_000_000));
        return right.value().substring(0, 10) + (right.checkDigit() + 1) % 10;
    }

    private static double ms(List<Long> sortedNanos, double quantile) {
        return sortedNanos.isEmpty() ? 0 : sortedNanos.get(index(sortedNanos.size(), quantile)) / 1e6;
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(index(sorted.size(), quantile));
    }

    /** The nearest-rank quantile. */
    private static int index(int size, double quantile) {
        return Math.max(0, Math.min(size - 1, (int) Math.ceil(quantile * size) - 1));
    }
}
