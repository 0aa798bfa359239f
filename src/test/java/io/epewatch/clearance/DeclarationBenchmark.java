package io.epewatch.clearance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.epewatch.declaration.Declaration.Lane;
import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.BenchmarkApplication;
import io.epewatch.support.Fixtures;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Official registrations (IDC/EDC) with the lane assigned, over HTTP, on this node: the whole application with its
 * embedded PostgreSQL (durable: every answer is committed), {@code CLIENTS} declarants each with their own session.
 * Each client first files its declarations (IDA/EDA, timed apart), then registers them one after another as fast as
 * it is answered. Reports registrations/s, latency percentiles, the lane mix, and whether every number is unique; then,
 * for 10 s, the same clients' cheapest signed-in read ({@code GET /api/v1/units}): the floor of this HTTP stack on this
 * machine, which no registration can beat.
 *
 * <p>Run: {@code bench/declarations/run [PER_CLIENT] [CLIENTS]} (default 60 declarations per client, 50 clients).
 * Last line: one JSON object.
 */
public final class DeclarationBenchmark {

    public static void main(String[] args) throws Exception {
        int perClient = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        try (ConfigurableApplicationContext app = BenchmarkApplication.start("declaration",
                "--epewatch.db.pool-size=20", "--epewatch.db.connection-timeout=30s",
                "--epewatch.security.mfa-required-roles=SYSTEM_ADMIN,UNIT_ADMIN,HEAD",
                "--epewatch.security.max-failed-sign-ins-per-address=1000")) {
            int port = BenchmarkApplication.port(app);
            Fixtures fixtures = app.getBean(Fixtures.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // ten enterprises, five declarants each: 50 clients; every enterprise registered its goods in plenty
            List<Api> declarants = new ArrayList<>();
            List<Api> officers = new ArrayList<>();
            List<String> taxCodes = new ArrayList<>();
            for (int e = 0; e < Math.max(1, (clients + 4) / 5); e++) {
                Fixtures.Site site = fixtures.site();
                Api officer = new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD);
                for (String[] good : new String[][] {{"85423100", "chiếc"}, {"61091010", "chiếc"}, {"39269099", "kg"}}) {
                    Api.Response r = officer.put("/api/v1/clearance/enterprises/" + site.taxCode() + "/goods", Map.of("hsCode", good[0],
                            "unit", good[1], "description", "Hàng chuẩn", "quantity", "1000000000"));
                    if (r.status() != 200) {
                        throw new IllegalStateException(r.status() + " " + r.body());
                    }
                }
                for (int d = 0; d < 5 && declarants.size() < clients; d++) {
                    officers.add(new Api(port, null).signIn(fixtures.user(Role.OFFICER, site.subDepartment().id(), null), Fixtures.PASSWORD));
                    declarants.add(new Api(port, null).signIn(fixtures.user(Role.DECLARANT, null, site.taxCode()), Fixtures.PASSWORD));
                    taxCodes.add(site.taxCode());
                }
            }
            List<List<String>> filed = new ArrayList<>();
            long fileStart = System.nanoTime();
            run(clients, c -> {
                List<String> numbers = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    Api.Response r = declarants.get(c).post("/api/v1/clearance/declarations", body(taxCodes.get(c), c, i));
                    if (r.status() != 201) {
                        throw new IllegalStateException(r.status() + " " + r.body());
                    }
                    numbers.add(r.json().get("declaration").get("number").asString());
                }
                synchronized (filed) {
                    while (filed.size() <= c) {
                        filed.add(null);
                    }
                    filed.set(c, numbers);
                }
            });
            double fileSeconds = (System.nanoTime() - fileStart) / 1e9;
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> lanes = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            run(clients, c -> {
                for (String number : filed.get(c)) {
                    long t = System.nanoTime();
                    Api.Response r = declarants.get(c).post("/api/v1/clearance/declarations/" + number + "/registration", Map.of());
                    latencies.add(System.nanoTime() - t);
                    if (r.status() != 200) {
                        throw new IllegalStateException(r.status() + " " + r.body());
                    }
                    lanes.add(r.json().get("declaration").get("lane").asString());
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            // The floor: the same clients, the same stack, the cheapest signed-in read there is (the list of units: one
            // small query). No registration can be answered faster than this.
            java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
            long floorEnd = System.nanoTime() + 10_000_000_000L;
            long floorStart = System.nanoTime();
            run(clients, c -> {
                while (System.nanoTime() < floorEnd) {
                    Api.Response r = officers.get(c).get("/api/v1/units");
                    if (r.status() != 200) {
                        throw new IllegalStateException(r.status() + " " + r.body());
                    }
                    reads.incrementAndGet();
                }
            });
            double floorSeconds = (System.nanoTime() - floorStart) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            Map<Lane, Integer> mix = new EnumMap<>(Lane.class);
            lanes.forEach(l -> mix.merge(Lane.valueOf(l), 1, Integer::sum));
            long registered = jdbc.sql("select count(*) from dossier where registered_at is not null").query(Long.class).single();
            long distinct = jdbc.sql("select count(distinct number) from dossier").query(Long.class).single();
            long all = jdbc.sql("select count(*) from dossier").query(Long.class).single();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("clients", clients);
            result.put("registrations", sorted.size());
            result.put("registrations_per_s", Math.round(sorted.size() / seconds));
            result.put("p50_ms", ms(sorted, 0.50));
            result.put("p99_ms", ms(sorted, 0.99));
            result.put("filings_per_s", Math.round(clients * perClient / fileSeconds));
            result.put("floor_reads_per_s", Math.round(reads.get() / floorSeconds));
            result.put("lanes", mix);
            result.put("numbers_unique", distinct == all);
            result.put("registered_in_db", registered);
            result.put("cores", Runtime.getRuntime().availableProcessors());
            System.out.println(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(result));
        }
    }

    private interface Client {
        void run(int client) throws Exception;
    }

    private static void run(int clients, Client client) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int n = c;
                running.add(pool.submit(() -> {
                    client.run(n);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
    }

    /** An export of one line; the goods alternate so that the selectivity criteria see a realistic spread. */
    private static Map<String, Object> body(String taxCode, int client, int i) {
        String[][] goods = {{"85423100", "chiếc"}, {"61091010", "chiếc"}, {"39269099", "kg"}};
        String[] good = goods[(client + i) % goods.length];
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("hsCode", good[0]);
        line.put("description", "Hàng xuất khẩu");
        line.put("quantity", "10");
        line.put("unit", good[1]);
        line.put("unitPrice", "3.5");
        line.put("origin", "VN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", "EXPORT");
        body.put("typeCode", "E42");
        body.put("enterpriseTaxCode", taxCode);
        body.put("invoiceNumber", "INV-" + client + "-" + i);
        body.put("currency", "USD");
        body.put("goods", List.of(line));
        body.put("vehicles", List.of(Map.of("plate", String.format(Locale.ROOT, "51C-%03d.%02d", client, i % 100))));
        return body;
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : Math.round(sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size())) / 1e4) / 100.0;
    }
}
