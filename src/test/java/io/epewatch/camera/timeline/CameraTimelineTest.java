package io.epewatch.camera.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.epewatch.identity.Role;
import io.epewatch.support.Api;
import io.epewatch.support.Fixtures;
import io.epewatch.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outage timeline and availability, from the monitor's logbook entries (R1.5). */
@IntegrationTest
class CameraTimelineTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CameraTimeline timeline;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private void change(String taxCode, Instant at, String state) {
        jdbc.sql("""
                        insert into camera_logbook (camera_id, enterprise_tax_code, camera_number, location_name, at, state, kind, reason, source)
                        select c.id, ?, 'G1', 'Cổng chính', ?, ?, 'STATE_CHANGE', 'test', 'MONITOR'
                        from camera c join enterprise e on e.id = c.enterprise_id where e.tax_code = ? and c.number = 'G1'""")
                .params(taxCode, Timestamp.from(at), state, taxCode).update();
    }

    @Test
    @DisplayName("R1.5 a day watched from 06:00, offline 10:00–13:00, degraded 13:00–14:00: 77.8 % of the known time online, one outage")
    void availabilityFromTheLogbook() {
        Fixtures.Site site = fixtures.site();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        jdbc.sql("insert into camera_status (camera_id, state, since, checked_at, first_checked_at) select c.id, 'ONLINE', ?, ?, ? "
                        + "from camera c join enterprise e on e.id = c.enterprise_id where e.tax_code = ? and c.number = 'G1'")
                .params(Timestamp.from(day.plusSeconds(6 * 3600)), Timestamp.from(Instant.now()), Timestamp.from(day.plusSeconds(6 * 3600)), site.taxCode())
                .update();
        change(site.taxCode(), day.plusSeconds(10 * 3600), "OFFLINE");
        change(site.taxCode(), day.plusSeconds(13 * 3600), "DEGRADED");
        change(site.taxCode(), day.plusSeconds(14 * 3600), "ONLINE");

        Timeline t = timeline.of(Fixtures.ADMIN.access(), site.taxCode(), "G1", day, day.plusSeconds(24 * 3600));
        assertThat(t.segments()).extracting(Timeline.Segment::state).containsExactly(Timeline.State.UNKNOWN, Timeline.State.ONLINE,
                Timeline.State.OFFLINE, Timeline.State.DEGRADED, Timeline.State.ONLINE);
        assertThat(t.timeIn().get(Timeline.State.OFFLINE)).isEqualTo(Duration.ofHours(3));
        assertThat(t.timeIn().get(Timeline.State.UNKNOWN)).isEqualTo(Duration.ofHours(6));
        assertThat(t.availability()).as("14 of 18 known hours online").isEqualTo(77.8);
        assertThat(t.outages()).isEqualTo(1);

        Timeline lateWindow = timeline.of(Fixtures.ADMIN.access(), site.taxCode(), "G1", day.plusSeconds(11 * 3600), day.plusSeconds(12 * 3600));
        assertThat(lateWindow.segments()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(Timeline.State.OFFLINE));
        assertThat(lateWindow.availability()).isEqualTo(0.0);

        Api clerk = new Api(port, null).signIn(fixtures.user(Role.EPE_USER, null, site.taxCode()), Fixtures.PASSWORD);
        assertThat(clerk.get("/api/v1/enterprises/" + site.taxCode() + "/availability").json().valueStream()
                .filter(c -> c.get("number").asString().equals("G1")).findFirst().orElseThrow().get("state").asString()).isEqualTo("ONLINE");
        Api.Response bad = clerk.get("/api/v1/enterprises/" + site.taxCode() + "/cameras/G1/timeline?period=YEAR");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("period");
        assertThat(clerk.get("/enterprises/" + site.taxCode() + "/cameras/G1/monitor").body()).contains("id=\"timeline\"")
                .doesNotContain("id=\"live-panel\"");
    }
}
