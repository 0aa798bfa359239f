package io.epewatch.flow;

import static io.epewatch.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.epewatch.cluster.Partitioning;
import io.epewatch.support.Api;
import io.epewatch.support.AppProcess;
import io.epewatch.support.DatabaseSuperuser;
import io.epewatch.support.QuietDemo;
import io.epewatch.support.SharedDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Issue 22: three EPE Watch instances on one PostgreSQL and a Kafka (KRaft) broker share the risk engine's partitions
 * and the cameras. One of them is killed with -9 under load: no warning is lost or raised twice, the cameras it
 * looked after are probed by the others within a probe cycle and nothing is logged twice, an inbox open on another
 * instance hears the warnings wherever they were raised, and a replay of the fact log gives the stored warnings.
 * node-1 holds the demo's data and its simulated cameras (so killing a camera instance does not kill the cameras) and
 * looks after no camera itself; node-2 and node-3 share the cameras.
 */
@Tag("chaos")
class ClusterTest {

    private static final String TOKEN = "epw_demo_integration_token";
    private static final String EPE = "0312345678";
    private static final Duration PROBE_CYCLE = Duration.ofSeconds(5);
    private static final Duration LEASE_TTL = Duration.ofSeconds(4);

    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> unexpected = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    @DisplayName("three instances share the engine and the cameras; kill -9 of one under load loses and doubles nothing")
    void threeInstancesSurviveTheLossOfOne() throws Exception {
        Path root = Files.createTempDirectory("epewatch-cluster");
        Path dbDir = root.resolve("db");
        SharedDatabase database = SharedDatabase.start(dbDir);
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4);
        List<AppProcess> nodes = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        try {
            kafka.afterPropertiesSet();
            List<String> shared = new ArrayList<>(database.arguments());
            shared.addAll(List.of("--epewatch.kafka.bootstrap-servers=" + kafka.getBrokersAsString(), "--epewatch.kafka.replicas=1",
                    "--epewatch.kafka.partitions=4", "--epewatch.cluster.heartbeat=PT1S", "--epewatch.cluster.lease-ttl=" + LEASE_TTL,
                    "--epewatch.risk.tick-every=PT1S", "--epewatch.camera.monitor.interval=" + PROBE_CYCLE.toSeconds() + "s",
                    "--epewatch.camera.monitor.debounce=3s", "--epewatch.camera.monitor.probe-timeout=2s",
                    // one installation: one vault key (camera passwords sealed by one instance open on the others) and
                    // one signing key
                    "--epewatch.vault.key-file=" + root.resolve("vault.keys"), "--epewatch.signing-key-dir=" + root,
                    // the demo's officer signs in with a password alone on every instance, as on node-1
                    "--epewatch.security.mfa-required-roles=",
                    // events a killed instance committed but never sent are sent by another after this long
                    "--epewatch.kafka.resubmit-after=PT10S", "--epewatch.kafka.resubmit-every=PT5S"));

            List<String> first = new ArrayList<>(QuietDemo.ARGUMENTS);
            first.addAll(shared);
            first.addAll(List.of("--epewatch.cluster.instance-id=node-1", "--epewatch.camera.fleet.enabled=false"));
            nodes.add(AppProcess.start(Files.createDirectories(root.resolve("node-1")), "node-1", first.toArray(String[]::new))
                    .awaitHealthy(Duration.ofSeconds(180)));
            for (String name : List.of("node-2", "node-3")) {
                List<String> args = new ArrayList<>(shared);
                args.addAll(List.of("--epewatch.cluster.instance-id=" + name, "--epewatch.camera.allow-local-addresses=true",
                        "--epewatch.camera.monitor.enabled=true", "--epewatch.recognition.watch.enabled=false",
                        "--epewatch.footage.clips.enabled=false"));
                nodes.add(AppProcess.start(Files.createDirectories(root.resolve(name)), name, args.toArray(String[]::new)));
            }
            for (AppProcess node : nodes) {
                node.awaitHealthy(Duration.ofSeconds(180));
            }

            try (Connection connection = DatabaseSuperuser.connect(dbDir, "postgres")) {
                JdbcClient db = DatabaseSuperuser.jdbc(connection);
                await("the risk engine's 16 partitions shared by the three instances", Duration.ofSeconds(30),
                        () -> holders(db, "risk-engine").size() == 3 && heldCount(db, "risk-engine") == 16);
                await("the cameras shared by node-2 and node-3 only", Duration.ofSeconds(30),
                        () -> holders(db, "cameras").equals(Set.of("node-2", "node-3")) && heldCount(db, "cameras") == 64);
                String victim = holderOf(db, "cameras", Partitioning.of(EPE, 64));
                String survivor = victim.equals("node-2") ? "node-3" : "node-2";
                AppProcess victimNode = nodes.get(victim.equals("node-2") ? 1 : 2);
                await("the cameras of " + EPE + " probed by " + victim, Duration.ofSeconds(30),
                        () -> probedSince(db, Instant.now().minus(PROBE_CYCLE.multipliedBy(2))) >= 6);

                // an officer's inbox open on the survivor hears every warning, whichever instance raised it
                Api officer = new Api(nodes.get(survivor.equals("node-2") ? 1 : 2).port(), null)
                        .signIn("officer", "Demo.Congchuc.2026");
                BlockingQueue<String> inbox = officer.stream("/warnings/stream");

                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int client = i;
                    clients.add(Thread.ofPlatform().start(() -> load(nodes, client, loading)));
                }
                Thread.sleep(5_000);
                Instant killed = Instant.now();
                victimNode.kill();
                Thread.sleep(10_000);
                loading.set(false);
                for (Thread client : clients) {
                    client.join();
                }

                assertThat(unexpected).as("answers other than 2xx").isEmpty();
                assertThat(acknowledged).as("the load ran across the kill").hasSizeGreaterThan(30);
                await("every acknowledged passage judged", Duration.ofSeconds(60), () -> db.sql("""
                                select count(*) from gate_event g where g.plate = any(?) and not exists
                                    (select 1 from risk_fact f where f.source_key = 'gate:' || g.id)""")
                        .param(plates()).query(Long.class).single() == 0);
                long passages = db.sql("select count(*) from gate_event where plate = any(?)").param(plates()).query(Long.class).single();
                List<Long> warnings = db.sql("""
                                select w.id from warning w join gate_event g on g.id = w.gate_event_id
                                where w.rule = 'EXIT_WITHOUT_DECLARATION' and g.plate = any(?)""")
                        .param(plates()).query(Long.class).list();
                long logged = db.sql("""
                                select count(*) from risk_fact f join gate_event g on f.source_key = 'gate:' || g.id
                                where g.plate = any(?)""").param(plates()).query(Long.class).single();
                System.out.printf("cluster: %d passages acknowledged, %d stored, %d logged by the engine, %d warnings; %s killed%n",
                        acknowledged.size(), passages, logged, warnings.size(), victim);
                assertThat(passages).as("each acknowledged passage stored once").isEqualTo(acknowledged.size());
                assertThat(logged).as("each passage read by the engine once").isEqualTo(passages);
                assertThat(warnings).as("one warning per undeclared exit, none lost, none twice").hasSize((int) passages)
                        .doesNotHaveDuplicates();

                Instant takenOver = awaitProbedAfter(db, killed, PROBE_CYCLE.plus(LEASE_TTL).plusSeconds(10));
                System.out.printf("cluster: the cameras of %s probed again by %s %d ms after the kill%n", EPE, survivor,
                        Duration.between(killed, takenOver).toMillis());
                assertThat(holders(db, "cameras")).containsExactly(survivor);
                // what the system administrator sees of it, asking any instance
                var cluster = new Api(nodes.getFirst().port(), null).signIn("admin", "Demo.Quantri.2026").get("/api/v1/cluster").json();
                assertThat(cluster.get("self").asString()).isEqualTo("node-1");
                assertThat(cluster.get("members").valueStream().filter(m -> m.get("alive").asBoolean())
                        .map(m -> m.get("id").asString()).toList()).containsExactlyInAnyOrder("node-1", survivor);
                assertThat(cluster.at("/holders/cameras").propertyNames()).containsExactly(survivor);
                assertThat(cluster.at("/holders/cameras/" + survivor).size()).isEqualTo(64);
                assertThat(db.sql("""
                                select count(*) from (select camera_id, state, at, kind from camera_logbook
                                group by camera_id, state, at, kind having count(*) > 1) twice""")
                        .query(Long.class).single()).as("logbook lines written twice").isZero();

                Set<String> heard = new HashSet<>();
                try {
                    await("the inbox on " + survivor + " heard every warning", Duration.ofSeconds(60), () -> {
                        List<String> data = new ArrayList<>();
                        inbox.drainTo(data);
                        data.forEach(event -> heard.add(event.split(" ")[0]));
                        return warnings.stream().allMatch(id -> heard.contains(String.valueOf(id)));
                    });
                } finally {
                    System.out.printf("cluster: the inbox on %s heard %d of the %d warnings; %d event publications incomplete%n",
                            survivor, warnings.stream().filter(id -> heard.contains(String.valueOf(id))).count(), warnings.size(),
                            db.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single());
                }
                assertThat(warningsOnKafka(kafka)).as("warnings externalized to Kafka").containsAll(warnings);
            }

            for (AppProcess node : nodes) {
                node.close();
            }
            List<String> replayArgs = new ArrayList<>(List.of("replay"));
            replayArgs.addAll(database.arguments());
            AppProcess replay = AppProcess.start(Files.createDirectories(root.resolve("replay")), "replay",
                    replayArgs.toArray(String[]::new));
            assertThat(replay.awaitExit(Duration.ofSeconds(180))).as(replay.output()).isZero();
            assertThat(replay.output()).contains("gives the stored warnings exactly");
        } finally {
            loading.set(false);
            for (AppProcess node : nodes) {
                node.kill();
            }
            kafka.destroy();
            database.close();
        }
    }

    /** Undeclared trucks leaving through C01, each a plate of its own, posted to the instances in turn. */
    private void load(List<AppProcess> nodes, int client, AtomicBoolean loading) {
        int turn = client;
        while (loading.get()) {
            int n = sequence.incrementAndGet();
            String plate = String.format("51H-%03d.%02d", 100 + n / 100, n % 100);
            String body = """
                    {"enterpriseTaxCode": "%s", "cameraNumber": "C01", "direction": "OUT", "capturedAt": "%s", "plate": "%s"}"""
                    .formatted(EPE, Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS), plate);
            // as a client behind a load balancer does: the same request, with the same key, to the next instance
            for (int attempt = 0; attempt < 30 && !acknowledged.containsKey(plate); attempt++) {
                AppProcess node = nodes.get(turn++ % nodes.size());
                try {
                    int status = new Api(node.port(), TOKEN).postRaw("/api/v1/gate-events", body, "cluster-" + n).status();
                    if (status / 100 == 2) {
                        acknowledged.put(plate, status);
                    } else if (status != 503) {
                        unexpected.add(plate + " → " + status);
                        break;
                    }
                } catch (IllegalStateException unanswered) {
                    sleep(100); // that instance is gone: the next one
                }
            }
            sleep(50);
        }
    }

    private String[] plates() {
        return acknowledged.keySet().toArray(String[]::new);
    }

    private static Set<String> holders(JdbcClient db, String kind) {
        return new HashSet<>(db.sql("select distinct owner from work_lease where kind = ? and owner is not null and expires_at > now()")
                .param(kind).query(String.class).list());
    }

    private static long heldCount(JdbcClient db, String kind) {
        return db.sql("select count(*) from work_lease where kind = ? and owner is not null and expires_at > now()")
                .param(kind).query(Long.class).single();
    }

    private static String holderOf(JdbcClient db, String kind, int part) {
        return db.sql("select owner from work_lease where kind = ? and part = ?").params(kind, part).query(String.class).single();
    }

    /** How many of the enterprise's cameras were probed since then. */
    private static long probedSince(JdbcClient db, Instant since) {
        return db.sql("""
                        select count(*) from camera_status s join camera c on c.id = s.camera_id
                            join enterprise e on e.id = c.enterprise_id
                        where e.tax_code = ? and s.checked_at > ?""")
                .params(EPE, Timestamp.from(since)).query(Long.class).single();
    }

    private static Instant awaitProbedAfter(JdbcClient db, Instant killed, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            Timestamp oldest = db.sql("""
                            select min(s.checked_at) from camera_status s join camera c on c.id = s.camera_id
                                join enterprise e on e.id = c.enterprise_id
                            where e.tax_code = ?""").param(EPE).query(Timestamp.class).single();
            if (oldest != null && oldest.toInstant().isAfter(killed)) {
                return oldest.toInstant();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the cameras of " + EPE + " were not all probed within " + within + " of the kill");
    }

    private static Set<Long> warningsOnKafka(EmbeddedKafkaKraftBroker kafka) {
        Set<Long> ids = new HashSet<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("epewatch.warnings"));
            Instant deadline = Instant.now().plusSeconds(20);
            int empty = 0;
            while (Instant.now().isBefore(deadline) && empty < 3) {
                var records = consumer.poll(Duration.ofSeconds(2));
                empty = records.isEmpty() ? empty + 1 : 0;
                records.forEach(record -> {
                    Matcher id = Pattern.compile("\"warningId\"\\s*:\\s*(\\d+)").matcher(record.value());
                    if (id.find()) {
                        ids.add(Long.parseLong(id.group(1)));
                    }
                });
            }
        }
        return ids;
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
