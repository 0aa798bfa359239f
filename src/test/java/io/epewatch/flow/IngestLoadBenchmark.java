package io.epewatch.flow;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.identity.ApiTokens;
import io.epewatch.kernel.ContainerNumber;
import io.epewatch.support.BenchmarkApplication;
import io.epewatch.support.Fixtures;
import io.epewatch.support.HttpLoad;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingest on this node, end to end (issue 19): the whole application with its embedded PostgreSQL running durable, and
 * from this process, one after the other, clients that post as fast as they are answered —
 * <ul>
 *   <li><b>gate</b> passages with an Idempotency-Key from CLIENTS edge readers (each count in the list in turn): one in
 *   twenty takes out a container no declaration names (a warning per enterprise, the rest merge into it), one in
 *   twenty brings in a container misread with a wrong check digit (a warning of its own each, whose lag from its
 *   passage's receipt to its storing — when the live stream pushes it to the inbox — is measured);</li>
 *   <li><b>gps</b> batches of 500 positions from 8 feeds (the Ministry of Transport's);</li>
 *   <li><b>osmand</b> single fixes, one per request, from trackers;</li>
 *   <li><b>decl</b> customs declarations received;</li>
 *   <li><b>floor</b> the cheapest authenticated read (one passage by its id): the ceiling of this HTTP stack here.</li>
 * </ul>
 * Each load runs WARMUP seconds unmeasured first (the JIT compiles the path on two cores for most of a minute), then
 * SECONDS measured; then, with SOAK minutes, passages and fixes go on that long and the heap after a full collection
 * is printed every minute. One table, then one line of JSON.
 *
 * <p>Run: {@code bench/ingest/run [SECONDS] [CLIENTS,…] [WARMUP] [SOAK]} (default 60 s, 50, 30 s, 0).
 */
public final class IngestLoadBenchmark {

    private static final int ENTERPRISES = 10;
    private static final int FEEDS = 8;
    private static final int BATCH = 500;

    private final int port;
    private final JdbcClient jdbc;
    private final List<String> sites = new ArrayList<>();
    private final String token;
    private final String readToken;
    /** Numbers each request's Idempotency-Key or declaration apart, across loads. */
    private final AtomicLong sequence = new AtomicLong();

    private IngestLoadBenchmark(ConfigurableApplicationContext app) {
        port = BenchmarkApplication.port(app);
        jdbc = app.getBean(JdbcClient.class);
        Fixtures fixtures = app.getBean(Fixtures.class);
        for (int i = 0; i < ENTERPRISES; i++) {
            sites.add(fixtures.site().taxCode());
        }
        token = fixtures.integrationToken(ApiTokens.INGEST_GATE_EVENTS, ApiTokens.INGEST_GPS, ApiTokens.INGEST_DECLARATIONS);
        readToken = fixtures.integrationToken(ApiTokens.READ);
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 60);
        int[] clients = Arrays.stream((args.length > 1 ? args[1] : "50").split(",")).mapToInt(Integer::parseInt).toArray();
        Duration warmup = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 30);
        int soakMinutes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        try (ConfigurableApplicationContext app = BenchmarkApplication.start("ingest")) {
            new IngestLoadBenchmark(app).measure(length, clients, warmup, soakMinutes);
        }
    }

    private void measure(Duration length, int[] clients, Duration warmup, int soakMinutes) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        int first = clients[0];
        HttpLoad.run(first, warmup, this::passage);
        for (int c : clients) {
            Gate gate = gate(c, length);
            rows.add(String.format(Locale.ROOT, "%-8s %7d %11.0f %9.1f %9.1f %9.1f %7d   warnings %d (%s), lag p50 %d ms p99 %d ms, caught up %.1f s",
                    "gate", c, gate.load().perSecond(), gate.load().ms(0.5), gate.load().ms(0.99), gate.load().ms(1.0),
                    gate.load().errorCount(), gate.warnings().values().stream().mapToLong(Long::longValue).sum(), gate.warnings(),
                    gate.lagP50(), gate.lagP99(), gate.caughtUp()));
            print(gate.load().errors());
            if (c == first) {
                json.put("gate_eps", Math.round(gate.load().perSecond()));
                json.put("gate_p99_ms", round(gate.load().ms(0.99)));
                json.put("warn_lag_p99_ms", gate.lagP99());
                json.put("gate_p50_ms", round(gate.load().ms(0.5)));
                json.put("warn_lag_p50_ms", gate.lagP50());
                json.put("gate_errors", gate.load().errorCount());
            } else {
                json.put("gate_eps_" + c, Math.round(gate.load().perSecond()));
                json.put("gate_p99_ms_" + c, round(gate.load().ms(0.99)));
                json.put("warn_lag_p99_ms_" + c, gate.lagP99());
            }
        }

        HttpLoad.run(FEEDS, warmup.dividedBy(3), this::batch);
        long before = positions();
        HttpLoad.Result gps = HttpLoad.run(FEEDS, length, this::batch);
        double gpsPerSecond = (positions() - before) / gps.seconds();
        double gpsCaughtUp = BenchmarkApplication.awaitEventsHandled(jdbc, Duration.ofMinutes(5));
        rows.add(row("gps", FEEDS, gpsPerSecond, gps, String.format(Locale.ROOT, "positions/s, %d per request; engine caught up %.1f s", BATCH, gpsCaughtUp)));
        json.put("gps_pps", Math.round(gpsPerSecond));

        HttpLoad.run(first, warmup.dividedBy(3), this::fix);
        before = positions();
        HttpLoad.Result osmand = HttpLoad.run(first, length, this::fix);
        double osmandPerSecond = (positions() - before) / osmand.seconds();
        double osmandCaughtUp = BenchmarkApplication.awaitEventsHandled(jdbc, Duration.ofMinutes(5));
        rows.add(row("osmand", first, osmandPerSecond, osmand, String.format(Locale.ROOT, "positions/s; engine caught up %.1f s", osmandCaughtUp)));
        json.put("osmand_pps", Math.round(osmandPerSecond));

        HttpLoad.run(first, warmup.dividedBy(3), this::declaration);
        HttpLoad.Result decl = HttpLoad.run(first, length, this::declaration);
        double declCaughtUp = BenchmarkApplication.awaitEventsHandled(jdbc, Duration.ofMinutes(5));
        rows.add(row("decl", first, decl.perSecond(), decl, String.format(Locale.ROOT, "declarations/s; engine caught up %.1f s", declCaughtUp)));
        json.put("decl_ps", Math.round(decl.perSecond()));
        print(decl.errors());

        // the floor: the cheapest authenticated read, one row by its key — what no ingest request can beat here
        long passageId = jdbc.sql("select max(id) from gate_event").query(Long.class).single();
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/gate-events/" + passageId))
                .header("Authorization", "Bearer " + readToken).GET().build();
        HttpLoad.run(first, warmup.dividedBy(3), (client, n) -> read);
        HttpLoad.Result floor = HttpLoad.run(first, length, (client, n) -> read);
        rows.add(row("floor", first, floor.perSecond(), floor, "reads/s: GET one passage by id, the cheapest authenticated request"));
        json.put("floor_rps", Math.round(floor.perSecond()));

        json.put("heap_after_gc_mb", heapAfterGc());
        if (soakMinutes > 0) {
            List<Long> heap = soak(first, soakMinutes);
            json.put("soak_minutes", soakMinutes);
            json.put("soak_heap_mb", heap);
        }
        json.put("clients", first);
        json.put("seconds", length.toSeconds());
        json.put("cores", Runtime.getRuntime().availableProcessors());

        System.out.printf(Locale.ROOT, "ingest, %d s each after %d s warm-up, %d cores, durable embedded PostgreSQL%n",
                length.toSeconds(), warmup.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-8s %7s %11s %9s %9s %9s %7s%n", "load", "clients", "per second", "p50 ms", "p99 ms", "max ms", "errors");
        rows.forEach(System.out::println);
        StringBuilder line = new StringBuilder("{");
        json.forEach((k, v) -> line.append(line.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        System.out.println(line.append('}'));
    }

    private record Gate(HttpLoad.Result load, Map<String, Long> warnings, long lagP50, long lagP99, double caughtUp) {
    }

    private Gate gate(int clients, Duration length) throws Exception {
        BenchmarkApplication.awaitEventsHandled(jdbc, Duration.ofMinutes(5));
        Timestamp began = Timestamp.from(Instant.now());
        HttpLoad.Result load = HttpLoad.run(clients, length, this::passage);
        double caughtUp = BenchmarkApplication.awaitEventsHandled(jdbc, Duration.ofMinutes(5));
        // each misread raises its own warning (the others merge into a few), so its lag is one passage's
        List<Long> lags = jdbc.sql("""
                        select (extract(epoch from w.raised_at - g.received_at) * 1000)::bigint from warning w
                        join gate_event g on g.id = w.gate_event_id
                        where g.received_at >= ? and w.rule = 'CONTAINER_NUMBER_INVALID' order by 1""")
                .param(began).query(Long.class).list();
        Map<String, Long> byRule = new TreeMap<>();
        jdbc.sql("select rule, count(*) from warning where raised_at >= ? group by rule").param(began)
                .query((rs, row) -> byRule.put(rs.getString(1), rs.getLong(2))).list();
        return new Gate(load, byRule, at(lags, 0.5), at(lags, 0.99), caughtUp);
    }

    private List<Long> soak(int clients, int minutes) throws Exception {
        List<Long> heap = new ArrayList<>(List.of(heapAfterGc()));
        System.out.printf(Locale.ROOT, "soak: minute 0, heap after GC %d MB%n", heap.getFirst());
        for (int minute = 1; minute <= minutes; minute++) {
            HttpLoad.Result passages = HttpLoad.run(clients, Duration.ofSeconds(50), this::passage);
            HttpLoad.run(FEEDS, Duration.ofSeconds(10), this::batch);
            BenchmarkApplication.awaitEventsHandled(jdbc, Duration.ofMinutes(5));
            heap.add(heapAfterGc());
            System.out.printf(Locale.ROOT, "soak: minute %d, %.0f passages/s, %d errors, heap after GC %d MB%n", minute,
                    passages.perSecond(), passages.errorCount(), heap.getLast());
        }
        return heap;
    }

    private HttpRequest passage(int client, int n) {
        long serial = sequence.incrementAndGet();
        String containers = "";
        boolean undeclared = n % 20 == 0;
        if (undeclared) {
            containers = ",\"containerNumbers\":[\"TEMU2709541\"]";
        } else if (n % 20 == 10) {
            containers = ",\"containerNumbers\":[\"" + misread(serial) + "\"]";
        }
        String body = String.format(Locale.ROOT, "{\"enterpriseTaxCode\":\"%s\",\"cameraNumber\":\"%s\",\"direction\":\"%s\","
                        + "\"capturedAt\":\"%s\",\"plate\":\"%02dC-%03d.%02d\"%s}",
                sites.get(client % sites.size()), undeclared ? "G1" : "G2", undeclared ? "OUT" : "IN",
                Instant.now().minusSeconds(2), 11 + client % 89, n / 100 % 1000, n % 100, containers);
        return post("/api/v1/gate-events", body).header("Idempotency-Key", "bench-" + serial).build();
    }

    private HttpRequest batch(int client, int n) {
        StringBuilder body = new StringBuilder("[");
        Instant at = Instant.now().minusSeconds(5);
        for (int i = 0; i < BATCH; i++) {
            int truck = n * BATCH + i;
            body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"plate\":\"%02dC-%03d.%02d\",\"lat\":%.5f,\"lon\":%.5f,\"speed\":40,\"heading\":90,\"time\":\"%s\",\"source\":\"MOT\"}",
                    11 + client, truck / 100 % 1000, truck % 100, 10.5 + (truck % 1000) / 2000.0, 106.5 + (truck % 777) / 2000.0, at));
        }
        return post("/api/v1/positions", body.append("]").toString()).build();
    }

    private HttpRequest fix(int client, int n) {
        String query = String.format(Locale.ROOT, "id=%02dD-%03d.%02d&lat=%.5f&lon=%.5f&timestamp=%d&speed=20&bearing=180",
                11 + client % 89, n / 100 % 1000, n % 100, 10.5 + (n % 1000) / 2000.0, 106.5, Instant.now().minusSeconds(5).getEpochSecond());
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/osmand?" + query))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpRequest declaration(int client, int n) {
        long serial = sequence.incrementAndGet();
        String body = String.format(Locale.ROOT, "{\"number\":\"3%011d\",\"typeCode\":\"E52\",\"enterpriseTaxCode\":\"%s\","
                        + "\"direction\":\"EXPORT\",\"registeredAt\":\"%s\",\"status\":\"CLEARED\",\"containerNumbers\":[\"%s\"]}",
                serial, sites.get(client % sites.size()), Instant.now().minusSeconds(60),
                ContainerNumber.withCheckDigit(String.format(Locale.ROOT, "DECU%06d", serial % 1_000_000)).value());
        return post("/api/v1/declarations", body).build();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private long positions() {
        return jdbc.sql("select count(*) from vehicle_position").query(Long.class).single();
    }

    /** A container number read with a wrong check digit, a different one for every passage of a run. */
    private static String misread(long serial) {
        return Fixtures.misread(String.format(Locale.ROOT, "BENU%06d", serial % 1_000_000));
    }

    private static String row(String load, int clients, double perSecond, HttpLoad.Result result, String note) {
        return String.format(Locale.ROOT, "%-8s %7d %11.0f %9.1f %9.1f %9.1f %7d   %s", load, clients, perSecond,
                result.ms(0.5), result.ms(0.99), result.ms(1.0), result.errorCount(), note);
    }

    private static void print(Map<String, Integer> errors) {
        errors.forEach((kind, count) -> System.out.printf(Locale.ROOT, "  %6d × %s%n", count, kind));
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(HttpLoad.rank(sorted.size(), quantile));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
