package io.epewatch.flow;

import static io.epewatch.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.epewatch.kernel.ContainerNumber;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.simulator.Traffic;
import io.epewatch.support.Api;
import io.epewatch.support.AppProcess;
import io.epewatch.support.DatabaseSuperuser;
import io.epewatch.support.QuietDemo;
import io.epewatch.support.SharedDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Issue 22: recognition workers as instances of their own. A camera instance watches a simulated gate camera on
 * 127.0.0.1 and sends only its moving frames to Kafka; two workers (profile {@code recognition}) read them, vote the
 * passages and record the gate events. The worker reading the camera is killed with -9 in the middle of a truck's
 * crossing: the other takes its partition over and every crossing is recorded once — the interrupted one included —
 * and garbage on the topic is left out without holding anything up.
 */
@Tag("chaos")
class RecognitionWorkersTest {

    private static final String EPE = "0312345678";
    private static final String CAMERA = "C01";
    private static final int PARTITIONS = 4;
    /** A crossing takes 8 s (the simulator's), then the lane is empty this long. */
    private static final Duration GAP = Duration.ofSeconds(4);
    private static final Duration CYCLE = GAP.plusSeconds(8);

    private static Traffic.Vehicle vehicle(long n) {
        String container = ContainerNumber.withCheckDigit("TGHU" + String.format("%06d", 731_000 + n)).value();
        return new Traffic.Vehicle(String.format("51C-%03d.%02d", 610 + n, 37 + n),
                container.substring(0, 4) + " " + container.substring(4, 10) + " " + container.substring(10));
    }

    @Test
    @DisplayName("a camera instance sends moving frames, the workers record every passage once; kill -9 of a worker mid-passage loses none")
    void workersReadWhatTheCameraInstanceSends() throws Exception {
        Path root = Files.createTempDirectory("epewatch-workers");
        Path dbDir = root.resolve("db");
        SharedDatabase database = SharedDatabase.start(dbDir);
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        List<AppProcess> nodes = new ArrayList<>();
        SimulatedCamera camera = null;
        try {
            kafka.afterPropertiesSet();
            List<String> shared = new ArrayList<>(database.arguments());
            shared.addAll(List.of("--epewatch.kafka.bootstrap-servers=" + kafka.getBrokersAsString(), "--epewatch.kafka.replicas=1",
                    "--epewatch.kafka.partitions=" + PARTITIONS, "--epewatch.cluster.heartbeat=PT1S", "--epewatch.cluster.lease-ttl=PT4S",
                    "--epewatch.vault.key-file=" + root.resolve("vault.keys"), "--epewatch.signing-key-dir=" + root,
                    "--epewatch.security.mfa-required-roles="));
            List<String> first = new ArrayList<>(QuietDemo.ARGUMENTS);
            first.addAll(shared);
            first.addAll(List.of("--epewatch.cluster.instance-id=node-1", "--epewatch.camera.fleet.enabled=false"));
            AppProcess data = AppProcess.start(Files.createDirectories(root.resolve("node-1")), "node-1", first.toArray(String[]::new))
                    .awaitHealthy(Duration.ofSeconds(180));
            nodes.add(data);

            camera = SimulatedCamera.start(SimulatedCamera.Spec.of(CAMERA, "haiquan", "Demo.Camera.2026").withSize(1280, 720, 10));
            Instant trafficStart = Instant.now();
            camera.drive(new Traffic(GAP, false, RecognitionWorkersTest::vehicle, false));
            try (Connection connection = DatabaseSuperuser.connect(dbDir, "postgres")) {
                JdbcClient db = DatabaseSuperuser.jdbc(connection);
                // the camera instance watches this one gate camera, the simulated one: the demo's others are left alone
                db.sql("update camera set snapshot_url = null, stream_url = null, onvif_url = null").update();
                db.sql("update camera set snapshot_url = ? where number = ? and enterprise_id = (select id from enterprise where tax_code = ?)")
                        .params(camera.snapshotUrl().toString(), CAMERA, EPE).update();
            }

            List<String> cameras = new ArrayList<>(shared);
            cameras.addAll(List.of("--spring.profiles.active=cameras", "--epewatch.cluster.instance-id=node-2",
                    "--epewatch.camera.allow-local-addresses=true", "--epewatch.recognition.remote.send=true",
                    "--epewatch.recognition.watch.initial-delay=1s", "--epewatch.camera.monitor.enabled=false",
                    "--epewatch.footage.clips.enabled=false"));
            AppProcess cameraNode = AppProcess.start(Files.createDirectories(root.resolve("node-2")), "node-2", cameras.toArray(String[]::new));
            nodes.add(cameraNode);
            List<AppProcess> workers = new ArrayList<>();
            for (String name : List.of("worker-1", "worker-2")) {
                List<String> args = new ArrayList<>(shared);
                args.addAll(List.of("--spring.profiles.active=recognition", "--epewatch.cluster.instance-id=" + name,
                        "--epewatch.recognition.workers=1",
                        // a dead worker's partitions go to the other after this long without its heartbeat
                        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                        "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"));
                workers.add(AppProcess.start(Files.createDirectories(root.resolve(name)), name, args.toArray(String[]::new)));
            }
            nodes.addAll(workers);
            for (AppProcess node : nodes) {
                node.awaitHealthy(Duration.ofSeconds(240));
            }

            try (Connection connection = DatabaseSuperuser.connect(dbDir, "postgres")) {
                JdbcClient db = DatabaseSuperuser.jdbc(connection);
                await("a first passage recorded by a worker", Duration.ofSeconds(120), () -> recorded(db).size() >= 1);
                int partition = Utils.toPositive(Utils.murmur2((EPE + "/" + CAMERA).getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
                await("one worker reading the camera's partition " + partition, Duration.ofSeconds(30),
                        () -> workers.stream().filter(w -> reads(w, partition)).count() == 1);
                AppProcess victim = workers.stream().filter(w -> reads(w, partition)).findFirst().orElseThrow();

                // killed 3 s into a crossing, with frames of it read and the rest still to come
                long crossing = Duration.between(trafficStart, Instant.now()).toMillis() / CYCLE.toMillis() + 1;
                Thread.sleep(Duration.between(Instant.now(), trafficStart.plus(CYCLE.multipliedBy(crossing)).plusSeconds(3)));
                victim.kill();
                Traffic.Vehicle interrupted = vehicle(crossing);
                // garbage on the camera's partition, for the worker taking it over: not ours, and not a picture
                garbage(kafka.getBrokersAsString(), partition);

                // two more crossings after the interrupted one, each voted once its lane is empty again
                long last = crossing + 2;
                Instant lastDone = trafficStart.plus(CYCLE.multipliedBy(last)).plus(Duration.ofSeconds(8));
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastDone).toMillis()));
                await("crossing " + last + " recorded", Duration.ofSeconds(90), () -> matches(recorded(db), vehicle(last)) >= 1);

                List<String> events = recorded(db);
                long firstRecorded = 0;
                while (matches(events, vehicle(firstRecorded)) == 0) {
                    firstRecorded++;
                }
                System.out.printf("recognition workers: %d gate events from crossings %d–%d; crossing %d interrupted by the kill%n",
                        events.size(), firstRecorded, last, crossing);
                for (long n = firstRecorded; n <= last; n++) {
                    assertThat(matches(events, vehicle(n))).as("crossing %d (%s) recorded once, in %s", n, vehicle(n), events)
                            .isEqualTo(1);
                }
                assertThat(matches(events, interrupted)).as("the crossing under way at the kill").isEqualTo(1);

                // the camera instance read nothing itself; the surviving worker did
                String token = new Api(data.port(), null).signIn("admin", "Demo.Quantri.2026")
                        .post("/api/v1/tokens", Map.of("name", "workers-test", "scopes", List.of("read:metrics"))).json().get("token").asString();
                String cameraMetrics = new Api(cameraNode.port(), token).get("/actuator/prometheus").body();
                assertThat(metric(cameraMetrics, "epewatch_recognition_frames_read_total")).isZero();
                assertThat(metric(cameraMetrics, "epewatch_recognition_frames_sent_total")).isPositive();
                AppProcess survivor = workers.get(workers.get(0) == victim ? 1 : 0);
                String workerMetrics = new Api(survivor.port(), token).get("/actuator/prometheus").body();
                assertThat(metric(workerMetrics, "epewatch_recognition_worker_frames_total")).isPositive();
                assertThat(metric(workerMetrics, "epewatch_recognition_worker_vehicles_total")).isPositive();
                assertThat(metric(workerMetrics, "epewatch_recognition_worker_left_out_total")).as("the garbage left out")
                        .isGreaterThanOrEqualTo(2);
            }
        } finally {
            for (AppProcess node : nodes) {
                node.kill();
            }
            if (camera != null) {
                camera.close();
            }
            kafka.destroy();
            database.close();
        }
    }

    /** A record without our headers, and a first frame of a passage whose picture is not a JPEG. */
    private static void garbage(String brokers, int partition) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            String topic = "epewatch.gate-frames";
            producer.send(new ProducerRecord<>(topic, partition, "junk", "<xml>not a frame</xml>".getBytes(StandardCharsets.UTF_8)));
            ProducerRecord<String, byte[]> notAPicture = new ProducerRecord<>(topic, partition, EPE + "/" + CAMERA,
                    "GIF89a".getBytes(StandardCharsets.US_ASCII));
            Map.of("tax-code", EPE, "camera", CAMERA, "direction", "OUT", "passage", "garbage/1", "seq", "0",
                            "at", Instant.now().toString(), "region", "0 0 1 1")
                    .forEach((name, value) -> notAPicture.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(notAPicture);
            producer.flush();
        }
    }

    /** The simulated camera's gate events: plate and containers of each. */
    private static List<String> recorded(JdbcClient db) {
        return db.sql("""
                        select coalesce(plate, '') || ' ' || containers::text from gate_event
                        where enterprise_tax_code = ? and camera_number = ? and source = 'recognition'""")
                .params(EPE, CAMERA).query(String.class).list();
    }

    /** Gate events that are this truck: its plate read, or its container (a plate may be misread, hardly both). */
    private static long matches(List<String> events, Traffic.Vehicle vehicle) {
        String container = vehicle.container().replace(" ", "");
        return events.stream().filter(e -> e.startsWith(vehicle.plate() + " ") || e.contains(container)).count();
    }

    /** Whether the worker's latest assignment holds the partition. */
    private static boolean reads(AppProcess worker, int partition) {
        try {
            Matcher assigned = Pattern.compile("Recognition worker reads \\[([^]]*)]").matcher(worker.output());
            String last = null;
            while (assigned.find()) {
                last = assigned.group(1);
            }
            return last != null && List.of(last.split(",\\s*")).contains("epewatch.gate-frames-" + partition);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static double metric(String prometheus, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(prometheus);
        assertThat(value.find()).as(name + " in " + prometheus.length() + " characters of metrics").isTrue();
        return Double.parseDouble(value.group(1));
    }
}
