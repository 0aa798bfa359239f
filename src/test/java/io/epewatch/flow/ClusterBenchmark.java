package io.epewatch.flow;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.epewatch.support.AppProcess;
import io.epewatch.support.DatabaseSuperuser;
import io.epewatch.support.HttpLoad;
import io.epewatch.support.QuietDemo;
import io.epewatch.support.SharedDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code bench/cluster/run [SECONDS] [CLIENTS] [WARMUP]}: gate passages per second, end to end — each an undeclared
 * exit, stored, judged by the risk engine and its warning stored — through one instance without Kafka (the
 * single-machine default), one instance with Kafka, and three instances with Kafka sharing one PostgreSQL (issue 22).
 * Each setup gets a fresh database (the {@code database} command) and the clients spread their requests over the
 * instances. Everything runs on this machine, so the instances share its cores with the database, the broker and the
 * clients: the ratio says what adding instances to one machine gives, not what separate machines would.
 */
public final class ClusterBenchmark {

    private static final String TOKEN = "epw_demo_integration_token";
    private static final List<String> EPES = List.of("0312345678", "0309876543");

    private final AtomicLong sequence = new AtomicLong();

    private record Outcome(String setup, int instances, HttpLoad.Result load, double caughtUpSeconds, long warnings) {
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 60);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        Duration warmup = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 30);
        ClusterBenchmark bench = new ClusterBenchmark();
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4);
        kafka.afterPropertiesSet();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            outcomes.add(bench.measure("1 instance, no Kafka", 1, null, length, clients, warmup));
            outcomes.add(bench.measure("1 instance + Kafka", 1, kafka.getBrokersAsString(), length, clients, warmup));
            outcomes.add(bench.measure("3 instances + Kafka", 3, kafka.getBrokersAsString(), length, clients, warmup));
        } finally {
            kafka.destroy();
        }
        System.out.printf("%n%-22s %9s %12s %9s %9s %7s %10s %14s%n", "setup", "instances", "passages/s", "p50 ms",
                "p99 ms", "errors", "warnings", "caught up (s)");
        for (Outcome o : outcomes) {
            System.out.printf(Locale.ROOT, "%-22s %9d %12.0f %9.1f %9.1f %7d %10d %14.1f%n", o.setup(), o.instances(),
                    o.load().perSecond(), o.load().ms(0.5), o.load().ms(0.99), o.load().errorCount(), o.warnings(),
                    o.caughtUpSeconds());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine_cores", Runtime.getRuntime().availableProcessors());
        json.put("eps_1_no_kafka", Math.round(outcomes.get(0).load().perSecond()));
        json.put("eps_1_kafka", Math.round(outcomes.get(1).load().perSecond()));
        json.put("eps_3_kafka", Math.round(outcomes.get(2).load().perSecond()));
        json.put("ratio_3_to_1", Math.round(100.0 * outcomes.get(2).load().perSecond() / outcomes.get(1).load().perSecond()) / 100.0);
        json.put("kafka_cost", Math.round(100.0 * outcomes.get(1).load().perSecond() / outcomes.get(0).load().perSecond()) / 100.0);
        System.out.println(new tools.jackson.databind.json.JsonMapper().writeValueAsString(json));
    }

    private Outcome measure(String setup, int instances, String kafka, Duration length, int clients, Duration warmup)
            throws Exception {
        Path root = Files.createTempDirectory("epewatch-cluster-bench");
        SharedDatabase database = SharedDatabase.start(root.resolve("db"));
        List<AppProcess> nodes = new ArrayList<>();
        try {
            List<String> shared = new ArrayList<>(database.arguments());
            shared.addAll(List.of("--epewatch.camera.fleet.enabled=false", "--epewatch.vault.key-file=" + root.resolve("vault.keys"),
                    "--epewatch.signing-key-dir=" + root, "--logging.level.root=WARN"));
            if (kafka != null) {
                shared.addAll(List.of("--epewatch.kafka.bootstrap-servers=" + kafka, "--epewatch.kafka.replicas=1",
                        "--epewatch.kafka.partitions=4"));
            }
            for (int i = 1; i <= instances; i++) {
                List<String> args = new ArrayList<>(i == 1 ? QuietDemo.ARGUMENTS : List.of());
                args.addAll(shared);
                args.add("--epewatch.cluster.instance-id=node-" + i);
                nodes.add(AppProcess.start(Files.createDirectories(root.resolve("node-" + i)), "node-" + i, args.toArray(String[]::new)));
                if (i == 1) {
                    nodes.getFirst().awaitHealthy(Duration.ofSeconds(180)); // it migrates and seeds the demo data
                }
            }
            for (AppProcess node : nodes) {
                node.awaitHealthy(Duration.ofSeconds(180));
            }
            Thread.sleep(5_000); // the leases settle
            HttpLoad.run(clients, warmup, (client, n) -> passage(nodes, client));
            long before = sequence.get();
            HttpLoad.Result load = HttpLoad.run(clients, length, (client, n) -> passage(nodes, client));
            long started = System.nanoTime();
            long warnings;
            try (Connection connection = DatabaseSuperuser.connect(database.dataDir(), "postgres")) {
                JdbcClient db = DatabaseSuperuser.jdbc(connection);
                while (db.sql("select count(*) from risk_fact_queue").query(Long.class).single() > 0
                        && System.nanoTime() - started < Duration.ofMinutes(5).toNanos()) {
                    Thread.sleep(100);
                }
                warnings = db.sql("select count(*) from warning where rule = 'EXIT_WITHOUT_DECLARATION'").query(Long.class).single();
            }
            double caughtUp = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %.0f passages/s (%d sent in the measured run), errors %s%n", setup,
                    load.perSecond(), sequence.get() - before, load.errors());
            return new Outcome(setup, instances, load, caughtUp, warnings);
        } finally {
            for (AppProcess node : nodes) {
                node.close();
            }
            database.close();
        }
    }

    /** An undeclared truck leaving one of the two EPEs: a passage and, once judged, a warning. */
    private HttpRequest passage(List<AppProcess> nodes, int client) {
        long n = sequence.incrementAndGet();
        String plate = String.format("5%dH-%03d.%02d", 1 + (n / 100_000) % 9, (n / 100) % 1000, n % 100);
        String body = """
                {"enterpriseTaxCode": "%s", "cameraNumber": "C01", "direction": "OUT", "capturedAt": "%s", "plate": "%s"}"""
                .formatted(EPES.get((int) (n % 2)), Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS), plate);
        AppProcess node = nodes.get(client % nodes.size());
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/v1/gate-events"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + n).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
