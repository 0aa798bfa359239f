package io.epewatch.camera.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.epewatch.camera.CameraFleet;
import io.epewatch.camera.CameraLogbook;
import io.epewatch.camera.CameraMonitorProperties;
import io.epewatch.camera.CameraState;
import io.epewatch.camera.LogbookEntry;
import io.epewatch.identity.Role;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import io.epewatch.camera.connector.AddressCheck;
import io.epewatch.camera.connector.CameraAddress;
import io.epewatch.camera.connector.CameraConnector;
import io.epewatch.camera.connector.CameraConnectors;
import io.epewatch.camera.connector.Observation;
import io.epewatch.registry.CameraAddressGuard;
import io.epewatch.registry.CameraSpecs;
import io.epewatch.simulator.Fault;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.simulator.SimulatedCamera.Spec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The 24/7 monitor against simulated cameras on 127.0.0.1 that really speak HTTP with Digest authentication. */
@IntegrationTest
class HealthMonitorTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SiteDiagram diagram;
    @Autowired
    CameraCredentials credentials;
    @Autowired
    CameraLogbook logbook;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CameraAddressGuard guard;
    @Autowired
    CameraFleet fleet;
    @LocalServerPort
    int port;

    /** A clock the test moves by hand, so the debounce is testable to the second. */
    static final class HandClock extends Clock {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Debounce 60 s, probe timeout 1.5 s, a short RTSP window: the monitor as configured in production, only faster. */
    private HealthMonitor monitor(HandClock clock, AddressCheck addresses) {
        CameraMonitorProperties properties = new CameraMonitorProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofMillis(1500), 50, Duration.ofSeconds(10), Duration.ofMillis(600), "TCP", 2, Duration.ofMinutes(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(20));
        return new HealthMonitor(diagram, credentials, logbook, jdbc, events, transaction, properties, clock,
                new CameraConnectors(properties, addresses, Clock.systemUTC()), fleet);
    }

    private void connect(Fixtures.Site site, String number, SimulatedCamera camera, String onvif, String stream, String snapshot) {
        // straight into the table: the registry refuses loopback addresses, and these simulators live on 127.0.0.1
        jdbc.sql("""
                        update camera set onvif_url = ?, stream_url = ?, snapshot_url = ?
                        where number = ? and enterprise_id = (select id from enterprise where tax_code = ?)""")
                .params(onvif, stream, snapshot, number, site.taxCode()).update();
        if (camera.spec().username() != null) {
            credentials.store(Fixtures.ADMIN, site.taxCode(), number, camera.spec().username(), camera.spec().password());
        }
    }

    @Test
    @DisplayName("R1.5 R2.3 R2.4 ONVIF, HTTP and RTSP cameras: a dead one is logged OFFLINE after the debounce; all down together is a channel outage")
    void offlineAfterDebounceThenChannelOutage() throws Exception {
        Fixtures.Site site = fixtures.site();
        SimulatedCamera g1 = SimulatedCamera.start(Spec.of("G1", "customs", "Gate-1-pass"));
        SimulatedCamera g2 = SimulatedCamera.start(Spec.of("G2", null, null));
        SimulatedCamera y1 = SimulatedCamera.start(Spec.of("Y1", "rtsp-viewer", "Yard#1 pass"));
        connect(site, "G1", g1, g1.onvifUrl().toString(), null, null);
        connect(site, "G2", g2, null, null, g2.snapshotUrl().toString());
        connect(site, "Y1", y1, null, y1.rtspUrl().toString(), null);

        HandClock clock = new HandClock();
        HealthMonitor monitor = monitor(clock, AddressCheck.allowingAll());
        try {
            assertThat(cycle(monitor, site)).isGreaterThanOrEqualTo(3);
            assertThat(entries(site)).as("all answer, over ONVIF, HTTP and RTSP: nothing to log").isEmpty();

            g1.fault(Fault.OFFLINE);
            Instant wentDark = clock.now;
            cycle(monitor, site);
            clock.now = clock.now.plusSeconds(30);
            cycle(monitor, site);
            assertThat(entries(site)).as("30 s is within the debounce").isEmpty();
            clock.now = clock.now.plusSeconds(30);
            cycle(monitor, site);
            assertThat(entries(site)).singleElement().satisfies(e -> {
                assertThat(e.cameraNumber()).isEqualTo("G1");
                assertThat(e.locationName()).isEqualTo("Cổng chính");
                assertThat(e.state()).isEqualTo(CameraState.OFFLINE);
                assertThat(e.at()).isEqualTo(wentDark);
                assertThat(e.reason()).startsWith("UNREACHABLE");
                assertThat(e.outage()).isEqualTo("EQUIPMENT");
            });

            g2.fault(Fault.OFFLINE);
            y1.fault(Fault.OFFLINE);
            for (int i = 0; i < 3; i++) {
                clock.now = clock.now.plusSeconds(30);
                cycle(monitor, site);
            }
            List<LogbookEntry> all = entries(site);
            assertThat(all).hasSize(3);
            assertThat(all.getFirst().outage()).as("the last camera to fall makes it a channel outage").isEqualTo("CHANNEL");

            g1.fault(Fault.NONE);
            for (int i = 0; i < 3; i++) {
                clock.now = clock.now.plusSeconds(30);
                cycle(monitor, site);
            }
            assertThat(entries(site).getFirst()).satisfies(e -> {
                assertThat(e.cameraNumber()).isEqualTo("G1");
                assertThat(e.state()).as("back after the debounce").isEqualTo(CameraState.ONLINE);
            });

            Api clerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
            Api.Response manual = clerk.post("/api/v1/enterprises/" + site.taxCode() + "/logbook",
                    Map.of("cameraNumber", "G1", "kind", "REPAIR", "reason", "Thay nguồn PoE cho ca-mê-ra G1"));
            assertThat(manual.status()).isEqualTo(201);
            assertThat(clerk.get("/api/v1/enterprises/" + site.taxCode() + "/logbook").json().valueStream()
                    .filter(e -> e.get("source").asString().equals("PERSON")))
                    .singleElement().satisfies(e -> assertThat(e.get("kind").asString()).isEqualTo("REPAIR"));
            assertThat(clerk.post("/api/v1/enterprises/" + site.taxCode() + "/logbook", Map.of("cameraNumber", "Z9", "kind", "NAP", "reason", ""))
                    .json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder("cameraNumber", "kind", "reason");
        } finally {
            List.of(g1, g2, y1).forEach(SimulatedCamera::close);
        }
    }

    @Test
    @DisplayName("R1.5 frozen, black, slow and a skewed clock each give the right state after the debounce, with the reason logged")
    void degradations() throws Exception {
        Fixtures.Site site = fixtures.site();
        SimulatedCamera g1 = SimulatedCamera.start(Spec.of("G1", "customs", "Gate-1-pass"));
        connect(site, "G1", g1, g1.onvifUrl().toString(), null, null);
        onlyWatched(site, "G1");
        HandClock clock = new HandClock();
        HealthMonitor monitor = monitor(clock, AddressCheck.allowingAll());
        try {
            cycle(monitor, site);
            assertThat(entries(site)).isEmpty();

            assertThat(afterDebounce(site, monitor, clock, () -> g1.fault(Fault.FROZEN))).satisfies(e -> {
                assertThat(e.state()).isEqualTo(CameraState.DEGRADED);
                assertThat(e.reason()).startsWith("FROZEN_IMAGE");
            });
            assertThat(afterDebounce(site, monitor, clock, () -> g1.fault(Fault.NONE)).state()).isEqualTo(CameraState.ONLINE);
            assertThat(afterDebounce(site, monitor, clock, () -> g1.fault(Fault.BLACK))).satisfies(e -> {
                assertThat(e.state()).isEqualTo(CameraState.DEGRADED);
                assertThat(e.reason()).startsWith("BLACK_IMAGE");
            });
            g1.slowness(Duration.ofSeconds(4));
            assertThat(afterDebounce(site, monitor, clock, () -> g1.fault(Fault.SLOW))).satisfies(e -> {
                assertThat(e.state()).as("no answer within the probe timeout").isEqualTo(CameraState.OFFLINE);
                assertThat(e.reason()).startsWith("TIMEOUT");
            });
            assertThat(afterDebounce(site, monitor, clock, () -> {
                g1.fault(Fault.NONE);
                g1.clockOffset(Duration.ofMinutes(3));
            })).satisfies(e -> {
                assertThat(e.state()).isEqualTo(CameraState.DEGRADED);
                assertThat(e.reason()).as("the camera tells whole seconds").matches("CLOCK_SKEW: .* (179|180) s off .*");
            });
            assertThat(afterDebounce(site, monitor, clock, () -> g1.clockOffset(Duration.ZERO)).state()).isEqualTo(CameraState.ONLINE);
            jdbc.sql("update camera set specs = jsonb_set(jsonb_set(specs, '{resolutionWidth}', '1920'), '{resolutionHeight}', '1080') where number = 'G1' "
                    + "and enterprise_id = (select id from enterprise where tax_code = ?)").param(site.taxCode()).update();
            assertThat(afterDebounce(site, monitor, clock, () -> { })).satisfies(e -> {
                assertThat(e.state()).isEqualTo(CameraState.DEGRADED);
                assertThat(e.reason()).as("declared 1920×1080, delivers 640×360").startsWith("LOW_RESOLUTION");
            });
        } finally {
            g1.close();
        }
    }

    @Test
    @DisplayName("R1.8 an RTSP stream slower than the declared frame rate is DEGRADED; the rate is measured over TCP and UDP")
    void frameRateMeasuredOnTheStream() throws Exception {
        try (SimulatedCamera camera = SimulatedCamera.start(Spec.of("G1", "viewer", "Xem-123").withSize(320, 180, 10))) {
            for (String transport : List.of("TCP", "UDP")) {
                CameraMonitorProperties properties = new CameraMonitorProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(60),
                        Duration.ofSeconds(2), 5, Duration.ofSeconds(10), Duration.ofMillis(1500), transport, 1, Duration.ofMinutes(10),
                        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(20));
                CameraAddress address = CameraAddress.of(null, camera.rtspUrl().toString(), null, "viewer", "Xem-123");
                CameraConnector rtsp = new CameraConnectors(properties, AddressCheck.allowingAll(), Clock.systemUTC()).forCamera(address).orElseThrow();
                Observation seen = rtsp.observe(address);
                assertThat(seen.via()).isEqualTo(CameraConnector.Protocol.RTSP);
                assertThat(seen.width()).isEqualTo(320);
                assertThat(seen.fps()).as(transport).isBetween(8.0, 12.0);
                ProbeResult judged = new QualityCheck(Duration.ofSeconds(10), Duration.ofMinutes(2)).judge(Instant.now(), seen,
                        new CameraSpecs(null, null, null, 320, 180, null, null, null, null, null, 25, null, null, null, null, null, null, null, null), null);
                assertThat(judged.state()).isEqualTo(CameraState.DEGRADED);
                assertThat(judged.reason()).startsWith("LOW_FRAME_RATE");
            }
        }
    }

    @Test
    @DisplayName("SSRF: at connect time a camera address on this server is refused, and the reason is logged")
    void forbiddenAddressAtConnect() throws Exception {
        Fixtures.Site site = fixtures.site();
        try (SimulatedCamera g1 = SimulatedCamera.start(Spec.of("G1", null, null))) {
            connect(site, "G1", g1, null, null, g1.snapshotUrl().toString());
            HandClock clock = new HandClock();
            HealthMonitor monitor = monitor(clock, guard::refusalAtConnect);
            cycle(monitor, site);
            clock.now = clock.now.plusSeconds(61);
            cycle(monitor, site);
            assertThat(entries(site)).filteredOn(e -> e.cameraNumber().equals("G1")).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(CameraState.OFFLINE);
                assertThat(e.reason()).startsWith("FORBIDDEN_ADDRESS").contains("127.0.0.1").contains("loopback");
            });
        }
    }

    /** Leaves the site's other cameras without an address, so a cycle probes these only. */
    private void onlyWatched(Fixtures.Site site, String... numbers) {
        jdbc.sql("update camera set onvif_url = null, stream_url = null, snapshot_url = null where not (number = any(?)) and enterprise_id = "
                + "(select id from enterprise where tax_code = ?)").params(numbers, site.taxCode()).update();
    }

    private record Status(String state, String reason, String latestReason) {
    }

    private Status status(Fixtures.Site site, String number) {
        return jdbc.sql("""
                        select s.state, s.reason, s.latest_reason from camera_status s join camera c on c.id = s.camera_id
                        join enterprise e on e.id = c.enterprise_id where e.tax_code = ? and c.number = ?""")
                .params(site.taxCode(), number).query((rs, n) -> new Status(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }

    @Test
    @DisplayName("issue 20: a new camera is CHECKING with what its probes find until confirmed; a working one is ONLINE at its first picture")
    void newCamerasAreCheckingUntilConfirmed() throws Exception {
        Fixtures.Site site = fixtures.site();
        SimulatedCamera g1 = SimulatedCamera.start(Spec.of("G1", "customs", "Gate-1-pass"));
        int deadPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            deadPort = free.getLocalPort();
        }
        connect(site, "G1", g1, g1.onvifUrl().toString(), null, null);
        connect(site, "G2", g1, null, null, "http://127.0.0.1:" + deadPort + "/snapshot.jpg");
        onlyWatched(site, "G1", "G2");
        HandClock clock = new HandClock();
        HealthMonitor monitor = monitor(clock, AddressCheck.allowingAll());
        try {
            cycle(monitor, site);
            assertThat(status(site, "G1")).as("confirmed by its first picture")
                    .isEqualTo(new Status("ONLINE", "ONVIF: picture received", "ONVIF: picture received"));
            assertThat(status(site, "G2").state()).as("nothing listens: not ONLINE").isEqualTo("CHECKING");
            assertThat(status(site, "G2").reason()).startsWith("UNREACHABLE");
            clock.now = clock.now.plusSeconds(30);
            cycle(monitor, site);
            assertThat(status(site, "G2").state()).isEqualTo("CHECKING");
            clock.now = clock.now.plusSeconds(30);
            cycle(monitor, site);
            assertThat(status(site, "G2").state()).as("after the debounce").isEqualTo("OFFLINE");
            assertThat(entries(site)).singleElement().satisfies(e -> assertThat(e.cameraNumber()).isEqualTo("G2"));
        } finally {
            g1.close();
        }
    }

    @Test
    @DisplayName("R1.5 issue 20: the reason shown follows the camera; a fault that changes its nature is a logbook line")
    void theReasonShownIsTheCurrentOne() throws Exception {
        Fixtures.Site site = fixtures.site();
        SimulatedCamera g1 = SimulatedCamera.start(Spec.of("G1", "customs", "Gate-1-pass"));
        connect(site, "G1", g1, g1.onvifUrl().toString(), null, null);
        onlyWatched(site, "G1");
        HandClock clock = new HandClock();
        HealthMonitor monitor = monitor(clock, AddressCheck.allowingAll());
        try {
            cycle(monitor, site);
            assertThat(afterDebounce(site, monitor, clock, () -> g1.fault(Fault.BLACK)).reason()).startsWith("BLACK_IMAGE");
            g1.fault(Fault.FROZEN);
            clock.now = clock.now.plusSeconds(30);
            cycle(monitor, site);
            assertThat(status(site, "G1")).satisfies(s -> {
                assertThat(s.state()).as("debounced").isEqualTo("DEGRADED");
                assertThat(s.latestReason()).as("but the page says the picture is no longer black").doesNotStartWith("BLACK_IMAGE");
            });
            for (int i = 0; i < 4; i++) {
                clock.now = clock.now.plusSeconds(30);
                cycle(monitor, site);
            }
            assertThat(status(site, "G1")).satisfies(s -> {
                assertThat(s.state()).isEqualTo("DEGRADED");
                assertThat(s.reason()).startsWith("FROZEN_IMAGE");
            });
            assertThat(logbook.entries(Fixtures.ADMIN.access(), site.taxCode(), 50).getFirst()).satisfies(e -> {
                assertThat(e.kind()).isEqualTo("REASON_CHANGE");
                assertThat(e.state()).isEqualTo(CameraState.DEGRADED);
                assertThat(e.reason()).startsWith("FROZEN_IMAGE");
            });
        } finally {
            g1.close();
        }
    }

    @Test
    @DisplayName("R1.5 issue 20: a still scene with no clock burnt in is not FROZEN however long it stays; a repeated picture is")
    void aStillSceneIsNotFrozen() throws Exception {
        Fixtures.Site site = fixtures.site();
        SimulatedCamera g1 = SimulatedCamera.start(Spec.of("G1", null, null).withSize(1920, 1080, 25));
        SimulatedCamera g2 = SimulatedCamera.start(Spec.of("G2", null, null).withSize(1920, 1080, 25));
        connect(site, "G1", g1, null, null, g1.snapshotUrl().toString());
        connect(site, "G2", g2, null, null, g2.snapshotUrl().toString());
        onlyWatched(site, "G1", "G2");
        g1.showStillScene(true);
        g2.showStillScene(true);
        HandClock clock = new HandClock();
        HealthMonitor monitor = monitor(clock, AddressCheck.allowingAll());
        try {
            cycle(monitor, site);
            g2.fault(Fault.FROZEN);
            for (int i = 0; i < 10; i++) {
                clock.now = clock.now.plusSeconds(30);
                cycle(monitor, site);
            }
            assertThat(status(site, "G1").state()).as("five minutes of an empty yard").isEqualTo("ONLINE");
            assertThat(entries(site)).singleElement().satisfies(e -> {
                assertThat(e.cameraNumber()).isEqualTo("G2");
                assertThat(e.reason()).startsWith("FROZEN_IMAGE");
            });
        } finally {
            g1.close();
            g2.close();
        }
    }

    /** The monitor with every core busy, as in the demo with gate recognition running (issue 15). */
    @Test
    @DisplayName("R1.5 R2.3 with the CPU saturated, healthy cameras raise no false state and a frozen one is still DEGRADED")
    void noFalseStateWithTheCpuSaturated() throws Exception {
        Fixtures.Site site = fixtures.site();
        // short windows, so a false FROZEN or a starved TIMEOUT would be recorded within the run
        CameraMonitorProperties properties = new CameraMonitorProperties(true, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofMillis(1500), 10, Duration.ofSeconds(10), Duration.ofMillis(600), "TCP", 2, Duration.ofMinutes(10),
                Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofSeconds(5));
        HealthMonitor monitor = new HealthMonitor(diagram, credentials, logbook, jdbc, events, transaction, properties,
                Clock.systemUTC(), new CameraConnectors(properties, AddressCheck.allowingAll(), Clock.systemUTC()), fleet);
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        try (SimulatedCamera g1 = SimulatedCamera.start(Spec.of("G1", "customs", "Gate-1-pass").withSize(1920, 1080, 25));
             SimulatedCamera g2 = SimulatedCamera.start(Spec.of("G2", null, null));
             SimulatedCamera y1 = SimulatedCamera.start(Spec.of("Y1", null, null))) {
            connect(site, "G1", g1, g1.onvifUrl().toString(), null, null);
            connect(site, "G2", g2, null, null, g2.snapshotUrl().toString());
            connect(site, "Y1", y1, null, null, y1.snapshotUrl().toString());
            y1.fault(Fault.FROZEN);
            for (int i = 0; i < Runtime.getRuntime().availableProcessors() * 4; i++) {
                burners.add(Thread.ofPlatform().daemon().start(() -> {
                    double x = 1;
                    while (busy.get()) {
                        x = Math.sin(x) + Math.sqrt(x + 1);
                    }
                    if (x == 42) {
                        System.out.println(x);
                    }
                }));
            }
            Instant started = Instant.now();
            while (Duration.between(started, Instant.now()).toSeconds() < 20) {
                cycle(monitor, site);
                Thread.sleep(500);
            }
            busy.set(false);

            List<LogbookEntry> entries = entries(site);
            assertThat(entries).filteredOn(e -> !e.cameraNumber().equals("Y1")).as("no false state for a healthy camera").isEmpty();
            assertThat(entries).filteredOn(e -> e.cameraNumber().equals("Y1")).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(CameraState.DEGRADED);
                assertThat(e.reason()).startsWith("FROZEN_IMAGE");
            });
            for (String number : List.of("G1", "G2")) {
                Timestamp checked = jdbc.sql("""
                                select s.checked_at from camera_status s join camera c on c.id = s.camera_id
                                join enterprise e on e.id = c.enterprise_id where e.tax_code = ? and c.number = ?""")
                        .params(site.taxCode(), number).query(Timestamp.class).single();
                assertThat(checked.toInstant()).as("%s was really looked at, not only skipped as starved", number)
                        .isAfter(started.plusSeconds(10));
            }
        } finally {
            busy.set(false);
            for (Thread burner : burners) {
                burner.join();
            }
            monitor.stop();
        }
    }

    /** One probe cycle over this site's cameras only: the shared database holds other tests' cameras too. */
    private int cycle(HealthMonitor monitor, Fixtures.Site site) {
        return monitor.probe(diagram.cameras(Fixtures.ADMIN.access(), site.taxCode()).stream()
                .filter(c -> c.onvifUrl() != null || c.streamUrl() != null || c.snapshotUrl() != null).toList());
    }

    /** Breaks the camera, probes, waits out the 60 s debounce, probes again; returns the newest logbook entry. */
    private LogbookEntry afterDebounce(Fixtures.Site site, HealthMonitor monitor, HandClock clock, Runnable change) {
        int before = entries(site).size();
        change.run();
        for (int i = 0; i < 4; i++) {
            clock.now = clock.now.plusSeconds(30);
            cycle(monitor, site);
        }
        List<LogbookEntry> all = entries(site);
        assertThat(all).as("one new entry").hasSize(before + 1);
        return all.getFirst();
    }

    private List<LogbookEntry> entries(Fixtures.Site site) {
        return logbook.entries(Fixtures.ADMIN.access(), site.taxCode(), 50).stream().filter(e -> e.source().equals("MONITOR")).toList();
    }
}
