package io.epewatch.camera.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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
import io.epewatch.support.SimulatedHttpCamera;
import io.epewatch.support.SimulatedHttpCamera.Auth;
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

    @Test
    @DisplayName("R1.5 R2.3 R2.4 a dead camera is logged OFFLINE after the debounce; all down together is a channel outage")
    void offlineAfterDebounceThenChannelOutage() throws Exception {
        Fixtures.Site site = fixtures.site();
        Map<String, SimulatedHttpCamera> cameras = Map.of(
                "G1", new SimulatedHttpCamera(Auth.DIGEST, "customs", "Gate-1-pass"),
                "G2", new SimulatedHttpCamera(Auth.NONE, null, null),
                "Y1", new SimulatedHttpCamera(Auth.NONE, null, null));
        // straight into the table: the registry refuses loopback addresses, and these simulators live on 127.0.0.1
        cameras.forEach((number, camera) -> jdbc.sql("""
                        update camera set snapshot_url = ?, stream_url = null
                        where number = ? and enterprise_id = (select id from enterprise where tax_code = ?)""")
                .params(camera.snapshotUrl().toString(), number, site.taxCode()).update());
        credentials.store(Fixtures.ADMIN, site.taxCode(), "G1", "customs", "Gate-1-pass");

        HandClock clock = new HandClock();
        HealthMonitor monitor = new HealthMonitor(diagram, credentials, logbook, jdbc, events, transaction,
                new CameraMonitorProperties(true, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(2), 50), clock);
        try {
            assertThat(monitor.probeAll()).isGreaterThanOrEqualTo(3);
            assertThat(entries(site)).as("all answer: nothing to log").isEmpty();

            cameras.get("G1").close();
            Instant wentDark = clock.now;
            monitor.probeAll();
            clock.now = clock.now.plusSeconds(30);
            monitor.probeAll();
            assertThat(entries(site)).as("30 s is within the debounce").isEmpty();
            clock.now = clock.now.plusSeconds(30);
            monitor.probeAll();
            assertThat(entries(site)).singleElement().satisfies(e -> {
                assertThat(e.cameraNumber()).isEqualTo("G1");
                assertThat(e.locationName()).isEqualTo("Cổng chính");
                assertThat(e.state()).isEqualTo(CameraState.OFFLINE);
                assertThat(e.at()).isEqualTo(wentDark);
                assertThat(e.reason()).startsWith("UNREACHABLE");
                assertThat(e.outage()).isEqualTo("EQUIPMENT");
            });

            cameras.get("G2").close();
            cameras.get("Y1").close();
            for (int i = 0; i < 3; i++) {
                clock.now = clock.now.plusSeconds(30);
                monitor.probeAll();
            }
            List<LogbookEntry> all = entries(site);
            assertThat(all).hasSize(3);
            assertThat(all.getFirst().outage()).as("the last camera to fall makes it a channel outage").isEqualTo("CHANNEL");

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
            cameras.values().forEach(SimulatedHttpCamera::close);
        }
    }

    private List<LogbookEntry> entries(Fixtures.Site site) {
        return logbook.entries(Fixtures.ADMIN.access(), site.taxCode(), 50).stream().filter(e -> e.source().equals("MONITOR")).toList();
    }
}
