package io.epewatch.camera.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.epewatch.camera.CameraLogbook;
import io.epewatch.camera.CameraMonitorProperties;
import io.epewatch.camera.CameraState;
import io.epewatch.camera.LogbookEntry;
import io.epewatch.camera.connector.AddressCheck;
import io.epewatch.camera.connector.CameraConnectors;
import io.epewatch.registry.CameraCredentials;
import io.epewatch.registry.SiteDiagram;
import io.epewatch.simulator.Fault;
import io.epewatch.simulator.SimulatedCamera;
import io.epewatch.simulator.SimulatedCamera.Spec;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitor with every core busy, as in the demo with gate recognition running (issue 15): healthy cameras must
 * stay ONLINE, and a camera that is really frozen must still be found.
 */
@IntegrationTest
class MonitorUnderLoadTest {

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

    @Test
    @DisplayName("R1.5 R2.3 with the CPU saturated, healthy cameras raise no false state and a frozen one is still DEGRADED")
    void noFalseStateWithTheCpuSaturated() throws Exception {
        Fixtures.Site site = fixtures.site();
        // short windows, so a false FROZEN or a starved TIMEOUT would be recorded within the run
        CameraMonitorProperties properties = new CameraMonitorProperties(true, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofMillis(1500), 10, Duration.ofSeconds(10), Duration.ofMillis(600), "TCP", 2, Duration.ofMinutes(10),
                Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofSeconds(5));
        HealthMonitor monitor = new HealthMonitor(diagram, credentials, logbook, jdbc, events, transaction, properties,
                Clock.systemUTC(), new CameraConnectors(properties, AddressCheck.allowingAll(), Clock.systemUTC()));
        AtomicBoolean busy = new AtomicBoolean(true);
        List<Thread> burners = new ArrayList<>();
        try (SimulatedCamera g1 = SimulatedCamera.start(Spec.of("G1", "customs", "Gate-1-pass").withSize(1920, 1080, 25));
             SimulatedCamera g2 = SimulatedCamera.start(Spec.of("G2", null, null));
             SimulatedCamera y1 = SimulatedCamera.start(Spec.of("Y1", null, null))) {
            connect(site, "G1", g1.onvifUrl().toString(), null, g1);
            connect(site, "G2", null, g2.snapshotUrl().toString(), g2);
            connect(site, "Y1", null, y1.snapshotUrl().toString(), y1);
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
                monitor.probe(cameras(site));
                Thread.sleep(500);
            }
            busy.set(false);

            List<LogbookEntry> entries = logbook.entries(Fixtures.ADMIN.access(), site.taxCode(), 50).stream()
                    .filter(e -> e.source().equals("MONITOR")).toList();
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

    private List<io.epewatch.registry.Camera> cameras(Fixtures.Site site) {
        return diagram.cameras(Fixtures.ADMIN.access(), site.taxCode()).stream()
                .filter(c -> c.onvifUrl() != null || c.streamUrl() != null || c.snapshotUrl() != null).toList();
    }

    private void connect(Fixtures.Site site, String number, String onvif, String snapshot, SimulatedCamera camera) {
        jdbc.sql("""
                        update camera set onvif_url = ?, stream_url = null, snapshot_url = ?
                        where number = ? and enterprise_id = (select id from enterprise where tax_code = ?)""")
                .params(onvif, snapshot, number, site.taxCode()).update();
        if (camera.spec().username() != null) {
            credentials.store(Fixtures.ADMIN, site.taxCode(), number, camera.spec().username(), camera.spec().password());
        }
    }
}
